import GansimCLI

// The `gansim` executable: every command lives in GansimCLI, which the fuzzer also runs in-process.
Gansim.main()
