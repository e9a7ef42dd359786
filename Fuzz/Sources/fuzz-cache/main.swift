import FuzzSupport

FuzzDriver.run(cacheOne)
