import GansimCLI
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

// ArgumentParser prints a command's error to stderr one byte at a time (`putc`), and stderr is unbuffered, so each
// byte is its own write: under mpirun, the launcher's own messages can land inside a rank's error line. Line
// buffering makes each line one write; gansim's own stderr output goes through FileHandle and is unaffected.
setvbuf(stderr, nil, _IOLBF, 0)

// The `gansim` executable: every command lives in GansimCLI, which the fuzzer also runs in-process.
Gansim.main()
