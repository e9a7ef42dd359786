import FuzzSupport

FuzzDriver.run(narrativeOne)
