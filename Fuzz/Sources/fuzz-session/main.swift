import FuzzSupport

FuzzDriver.run(sessionOne)
