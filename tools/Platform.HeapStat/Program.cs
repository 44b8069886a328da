using Platform.HeapStat;

// Prints the managed heap of a process dump (from the runtime's createdump) by type: live objects only
// (reachable from a GC root), so that two dumps of one process taken minutes apart can be diffed to find
// what grows.
//
//   Platform.HeapStat <dump> [--top N] [--all] [--tsv out.tsv]
//   Platform.HeapStat --diff <before.tsv> <after.tsv> [--top N]
return HeapStatCommand.Run(args);
