import FuzzSupport

// What an input is, and what it goes through: see SessionTarget.
FuzzDriver.run {
  SessionTarget.run(FuzzDriver.bytes($0, $1))
  return 0
}
