#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SIGINT (Ctrl-C) as an event the readers can wait for: the handler only writes a byte to
/// a pipe, which is safe in a signal handler; readers poll the pipe with their input.
public enum InterruptSignal {
  nonisolated(unsafe) static var pipeRead: Int32 = -1
  nonisolated(unsafe) static var pipeWrite: Int32 = -1

  /// Installs the handler once (without SA_RESTART, so a blocked read returns EINTR).
  public static func install() {
    guard pipeRead < 0 else { return }
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return }
    pipeRead = fds[0]
    pipeWrite = fds[1]
    _ = fcntl(pipeRead, F_SETFL, fcntl(pipeRead, F_GETFL) | O_NONBLOCK)
    _ = fcntl(pipeWrite, F_SETFL, fcntl(pipeWrite, F_GETFL) | O_NONBLOCK)
    var action = sigaction()
    #if canImport(Glibc)
      action.__sigaction_handler.sa_handler = { _ in
        var byte: UInt8 = 3
        _ = write(InterruptSignal.pipeWrite, &byte, 1)
      }
    #else
      action.__sigaction_u.__sa_handler = { _ in
        var byte: UInt8 = 3
        _ = write(InterruptSignal.pipeWrite, &byte, 1)
      }
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    // A parent may have left SIGINT blocked; Ctrl-C must reach the interview.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }

  /// Whether Ctrl-C was pressed since the last call (and forgets it).
  public static func take() -> Bool {
    guard pipeRead >= 0 else { return false }
    var byte: UInt8 = 0
    var seen = false
    while read(pipeRead, &byte, 1) == 1 { seen = true }
    return seen
  }
}
