import FuzzSupport

FuzzDriver.run(yamlOne)
