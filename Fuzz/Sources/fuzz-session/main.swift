import FuzzSupport

// What an input is, and what it goes through: see SessionTarget.
FuzzDriver.run(preparing: ShippedData.prepare) {
  SessionTarget.run(FuzzDriver.bytes($0, $1))
  return 0
}
