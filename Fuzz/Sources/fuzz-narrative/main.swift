import FuzzSupport

// What an input is, and what it goes through: see NarrativeTarget.
FuzzDriver.run(preparing: ShippedData.prepare) {
  NarrativeTarget.run(FuzzDriver.bytes($0, $1))
  return 0
}
