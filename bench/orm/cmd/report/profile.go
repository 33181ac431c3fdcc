package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
)

// A profile is the pprof output saved for one of flagon's misses.
type profile struct {
	k          key
	cpu, alloc string // paths of the pprof -top listings
	err        error
}

// profileMisses records a CPU and a memory profile of flagon for each miss
// and writes pprof's top listings beside them.
func profileMisses(c config, bin string, misses []key) []profile {
	if err := os.MkdirAll(c.profDir, 0o755); err != nil {
		return []profile{{err: err}}
	}
	var out []profile
	for _, k := range misses {
		fmt.Fprintf(os.Stderr, "profiling %s/%s/flagon\n", k.db, k.op)
		out = append(out, profileOne(c, bin, k))
	}
	return out
}

// profileOne profiles one sub-benchmark of flagon.
func profileOne(c config, bin string, k key) profile {
	base := filepath.Join(c.profDir, k.db+"-"+k.op)
	p := profile{k: k, cpu: base + ".cpu.txt", alloc: base + ".alloc.txt"}
	args := []string{"-test.run", "^$", "-test.bench", "^BenchmarkORM$/^" + k.db + "$/^" + k.op + "$/^flagon$",
		"-test.benchtime", "2s", "-test.benchmem", "-test.cpuprofile", base + ".cpu.pprof",
		"-test.memprofile", base + ".mem.pprof", "-test.memprofilerate", "4096"}
	if p.err = runBinary(bin, args, os.Stderr); p.err != nil {
		return p
	}
	if p.err = pprofTop(bin, base+".cpu.pprof", p.cpu); p.err != nil {
		return p
	}
	p.err = pprofTop(bin, base+".mem.pprof", p.alloc, "-sample_index=alloc_objects")
	return p
}

// pprofTop writes two listings of prof to out: the flat top of the whole
// process and the cumulative top of flagon's orm package alone.
func pprofTop(bin, prof, out string, extra ...string) error {
	var buf bytes.Buffer
	for _, view := range [][]string{
		{"-top", "-nodecount=25"},
		{"-top", "-cum", "-nodecount=40", "-show=flagon-go/flagon/orm"},
	} {
		args := append(append([]string{"tool", "pprof"}, extra...), view...)
		cmd := exec.Command("go", append(args, bin, prof)...)
		cmd.Stdout, cmd.Stderr = &buf, &buf
		fmt.Fprintf(&buf, "$ go %v <test binary> %s\n", args[1:], filepath.Base(prof))
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("pprof %s: %w: %s", prof, err, buf.Bytes())
		}
		buf.WriteString("\n")
	}
	return os.WriteFile(out, shapeRE.ReplaceAll(buf.Bytes(), []byte("[Model]")), 0o644)
}

// shapeRE matches the generic shape pprof prints for Model.
var shapeRE = regexp.MustCompile(`\[go\.shape\.struct \{[^\]]*\}\]`)
