import FuzzSupport

// What an input is, and what it goes through: see CacheTarget.
FuzzDriver.run {
  CacheTarget.run(Array(FuzzDriver.bytes($0, $1)))
  return 0
}
