import FuzzSupport

// What an input is, and what it goes through: see ConversationTarget.
FuzzDriver.run(preparing: ShippedData.prepare) {
  ConversationTarget.run(FuzzDriver.bytes($0, $1))
  return 0
}
