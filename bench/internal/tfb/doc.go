// Package tfb holds what the TechEmpower Framework Benchmarks fix for every
// implementation: the fortune rows, the world table's size, the messages,
// the queries parameter rule, and the loading of the bench database.
//
// The implementations under bench/cmd use only the constants and
// QueryCount from here; the data access of each stays its own.
package tfb
