//go:build !unix

package ormbench

// cpuTime is unavailable here; the benchmark then reports no cpu-ns/op.
func cpuTime() int64 { return 0 }
