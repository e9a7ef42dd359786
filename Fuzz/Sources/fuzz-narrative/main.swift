import FuzzSupport

// What an input is, and what it goes through: see NarrativeTarget.
FuzzDriver.run {
  NarrativeTarget.run(FuzzDriver.bytes($0, $1))
  return 0
}
