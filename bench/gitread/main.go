// Command gitread runs the git history source over a repository with a
// visitor that only counts, for bench/history.sh.
//
//	gitread [-jobs N] [-range A..B] REPO
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"sync/atomic"
	"time"

	"github.com/leakstop/leakstop/source"
)

type problems struct {
	mu            sync.Mutex
	errors, skips int
}

func (p *problems) Error(path string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.errors < 5 {
		fmt.Fprintf(os.Stderr, "error: %s: %v\n", path, err)
	}
	p.errors++
}

func (p *problems) Skip(path, reason string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.skips++
}

func main() {
	jobs := flag.Int("jobs", runtime.NumCPU(), "workers")
	rng := flag.String("range", "", "commit range A..B")
	prof := flag.String("cpuprofile", "", "write a CPU profile")
	flag.Parse()
	if *prof != "" {
		f, err := os.Create(*prof)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gitread:", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	g := &source.Git{Repo: flag.Arg(0), Range: *rng}
	var frags, origins, bytes atomic.Int64
	p := &problems{}
	start := time.Now()
	err := g.Fragments(context.Background(), *jobs, func(_ int, f *source.Fragment) error {
		frags.Add(1)
		origins.Add(int64(len(f.Origins)))
		bytes.Add(int64(len(f.Data)))
		return nil
	}, p)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gitread:", err)
		return
	}
	fmt.Printf("fragments %d origins %d bytes %d errors %d skips %d in %.2fs\n",
		frags.Load(), origins.Load(), bytes.Load(), p.errors, p.skips, time.Since(start).Seconds())
}
