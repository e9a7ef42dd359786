import FuzzSupport

FuzzDriver.run(screenOne)
