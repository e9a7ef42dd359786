import FuzzSupport

FuzzDriver.run(conversationOne)
