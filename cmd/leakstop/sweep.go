package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/leakstop/leakstop/source"
)

// A sweep scans many targets, possibly split between workers that do not
// talk to each other: `git --repos FILE` scans every repository a list
// names, and `--shard K/N` (git --repos, dir) keeps the worker's share.
// `report merge` joins the shards' JSON reports into the report one run
// over every target would have written.

func shardFlag() cli.Flag {
	return &cli.StringFlag{Name: "shard", Usage: "scan only share `K/N` of the targets (1 <= K <= N): those whose canonical name hashes to K-1 modulo N; run the N shards anywhere and join their JSON reports with 'leakstop report merge'"}
}

func reposFlag() cli.Flag {
	return &cli.StringFlag{Name: "repos", Usage: "scan every repository `FILE` lists, one path or clone URL a line (# comments; - is standard input); clone URLs are cloned, bare, into a temporary folder"}
}

// shard is a worker's share of a sweep: the targets whose canonical name
// hashes (SHA-256, its first 8 bytes big-endian) to k-1 modulo n. A
// target's shard depends on its name and n alone, so workers agree
// without sharing anything but the list, and adding or removing a target
// moves no other. The zero value takes every target.
type shard struct{ k, n int }

// parseShard reads --shard K/N; "" is every target.
func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{}, nil
	}
	a, b, ok := strings.Cut(s, "/")
	k, errK := strconv.Atoi(strings.TrimSpace(a))
	n, errN := strconv.Atoi(strings.TrimSpace(b))
	if !ok || errK != nil || errN != nil || n < 1 || k < 1 || k > n {
		return shard{}, usagef("--shard %q: want K/N with 1 <= K <= N (shard K of N), e.g. --shard 2/4", s)
	}
	return shard{k: k, n: n}, nil
}

// has reports whether the target called name is in the share.
func (s shard) has(name string) bool {
	if s.n <= 1 {
		return true
	}
	sum := sha256.Sum256([]byte(name))
	return binary.BigEndian.Uint64(sum[:8])%uint64(s.n) == uint64(s.k-1)
}

func (s shard) String() string {
	if s.n == 0 {
		return "all"
	}
	return fmt.Sprintf("%d/%d", s.k, s.n)
}

// pathName is a dir target's name for sharding: the path cleaned,
// '/'-separated, NFC (as Origin paths are).
func pathName(p string) string { return norm.NFC.String(filepath.ToSlash(filepath.Clean(p))) }

// shardPaths keeps the share of dir's targets: with one folder, its
// entries (set on src); otherwise the paths given.
func shardPaths(s shard, paths []string, src *source.Dir) []string {
	if s.n <= 1 {
		return paths
	}
	if len(paths) == 1 {
		if fi, err := os.Stat(paths[0]); err == nil && fi.IsDir() {
			src.Entries = s.has
			return paths
		}
	}
	var out []string
	for _, p := range paths {
		if s.has(pathName(p)) {
			out = append(out, p)
		}
	}
	return out
}

// repoEntry is one repository of a --repos list.
type repoEntry struct {
	// name is canonical (source.RepoName): what reports call the
	// repository and what shards are drawn by.
	name string
	// target is what to open (a path, resolved against the list's folder)
	// or to clone (the URL as written, credentials included).
	target string
	remote bool
}

// readRepoList reads a --repos list: one repository a line, a path (a
// work tree, a .git folder or a bare repository; relative to the list's
// folder) or a clone URL; blank lines and lines starting with # are
// passed over, and " # ..." ends a line. A repository listed twice (by
// the same canonical name) is scanned once.
func readRepoList(path string, e *env) ([]repoEntry, error) {
	var (
		data []byte
		err  error
		base = filepath.Dir(path)
	)
	if path == "-" {
		data, err = io.ReadAll(e.stdin)
		base = "."
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, usagef("--repos: %v", err)
	}
	var out []repoEntry
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, " #"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if i := strings.Index(line, "\t#"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, remote := source.RepoName(line)
		if seen[name] {
			continue
		}
		seen[name] = true
		target := line
		if !remote && !filepath.IsAbs(line) {
			target = filepath.Join(base, line)
		}
		out = append(out, repoEntry{name: name, target: target, remote: remote})
	}
	if err := sc.Err(); err != nil {
		return nil, usagef("--repos %s: %v", path, err)
	}
	if len(out) == 0 {
		return nil, usagef("--repos %s: lists no repository (one path or clone URL a line)", path)
	}
	return out, nil
}

// maxClones is how many clones a sweep runs at once: they wait on the
// network more than on the machine.
const maxClones = 4

// runGitSweep scans the repositories of o.ReposFile that are in o.Shard.
// URLs are cloned first, into one temporary folder removed at the end,
// so that each repository's own suppression files can be read before the
// scan; a clone that fails is an error naming the repository and the
// sweep goes on.
func runGitSweep(ctx context.Context, o gitOptions, e *env) error {
	if o.Range != "" || o.SinceCommit != "" {
		return usagef("git: --repos scans whole histories: it cannot be combined with --range or --since-commit")
	}
	list, err := readRepoList(o.ReposFile, e)
	if err != nil {
		return err
	}
	var mine []repoEntry
	for _, r := range list {
		if o.Shard.has(r.name) {
			mine = append(mine, r)
		}
	}
	level, err := parseLogLevel(o.LogLevel)
	if err != nil {
		return err
	}
	log := newLogger(e.stderr, level, newRedactor())
	log.Info("sweep", "shard", o.Shard.String(), "repositories", len(mine), "listed", len(list))
	repos := make([]source.SweepRepo, len(mine))
	var tmp string
	for _, r := range mine {
		if r.remote {
			if tmp, err = os.MkdirTemp("", "leakstop-sweep-"); err != nil {
				return fmt.Errorf("a folder for clones: %w", err)
			}
			defer os.RemoveAll(tmp)
			break
		}
	}
	var wg sync.WaitGroup
	slots := make(chan struct{}, maxClones)
	for i, r := range mine {
		repos[i] = source.SweepRepo{Name: r.name, Dir: r.target}
		if !r.remote {
			if fi, err := os.Stat(r.target); err != nil {
				repos[i].Err = fmt.Errorf("cannot open the repository: %w", plainPathError(err))
			} else if !fi.IsDir() {
				repos[i].Err = fmt.Errorf("not a git repository (not a folder)")
			}
			continue
		}
		repos[i].Dir = filepath.Join(tmp, strconv.Itoa(i)+".git")
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			log.Debug("cloning", "repo", r.name)
			if err := source.CloneBare(ctx, r.target, repos[i].Dir); err != nil {
				repos[i].Err = err
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	g := source.Git{Branch: o.Branch, AllObjects: o.AllObjects, MaxFileSize: o.MaxFileSize, Archive: o.Archive, OCR: o.OCR.engine}
	o.own = func(context.Context) (ownFiles, error) { return sweepFiles(repos), nil }
	return scan(ctx, o.scanOptions, sweepSource{&source.Sweep{Repos: repos, Git: g}}, e)
}

// sweepSource is a sweep's source; it tells the report which
// repositories the sweep covered.
type sweepSource struct{ *source.Sweep }

// Repositories lists the names of the sweep's repositories, those that
// could not be read included.
func (s sweepSource) Repositories() []string {
	out := make([]string, len(s.Repos))
	for i, r := range s.Repos {
		out[i] = r.Name
	}
	return out
}

// plainPathError drops the path from an *os.PathError: the message names
// the repository already.
func plainPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// sweepFiles says where each repository of a sweep keeps its
// .leakstopignore and .leakstop.toml (its work tree, or HEAD when bare):
// they apply to that repository's findings alone.
func sweepFiles(repos []source.SweepRepo) ownFiles {
	var own ownFiles
	for _, r := range repos {
		if r.Err != nil {
			continue
		}
		trees, _ := commitTrees(r.Dir, nil) // with no commits asked for, only a repository's absence fails
		for _, t := range trees {
			own.trees = append(own.trees, repoTree{tree: t, repo: r.Name})
		}
	}
	return own
}
