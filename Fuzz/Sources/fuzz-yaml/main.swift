import FuzzSupport

// What an input is, and what it goes through: see YAMLTarget.
FuzzDriver.run(preparing: ShippedData.prepare) {
  YAMLTarget.run(FuzzDriver.bytes($0, $1))
  return 0
}
