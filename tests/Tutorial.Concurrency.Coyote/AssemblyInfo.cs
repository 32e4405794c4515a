// Each Coyote engine takes over task scheduling for its test body; run one engine at a time so that their schedules
// (and so their seeds) stay reproducible.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
