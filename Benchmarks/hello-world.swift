// The baseline for start-up time: a Swift hello-world, built with `swiftc -O` by run.sh.
print("hello")
