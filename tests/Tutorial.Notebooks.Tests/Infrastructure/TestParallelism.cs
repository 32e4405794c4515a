// Every test that runs notebooks or tools takes its turn from MachineGate, which keeps both cores busy and a measured
// lesson alone. xunit's own default (as many running tests as cores) would put a second queue in front of the gate, in
// which a test that only waits for a shared lesson run holds the place of a test that has work for the idle core.
[assembly: CollectionBehavior(MaxParallelThreads = -1)]
