import FuzzSupport

// What an input is, and what it goes through: see ScreenTarget.
FuzzDriver.run(preparing: ShippedData.prepare) {
  ScreenTarget.run(FuzzDriver.bytes($0, $1))
  return 0
}
