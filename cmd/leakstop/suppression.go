package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/source"
	"github.com/leakstop/leakstop/suppress"
)

// A run's suppressions come from its target's own files (.leakstopignore
// and .leakstop.toml at the top of each folder scanned or of the
// repository) and from the files the flags name (--ignore-file, --config,
// --baseline). In a change (a range, a push, the index) the target's own
// files, and a --config or --baseline inside the repository, are read
// from the base: a change cannot accept its own leak. What the head adds
// to them is listed instead (DESIGN.md).

// tree is where a target keeps its files: a folder on disk, a commit, or
// the index.
type tree interface {
	// read returns the file at rel ('/'-separated, from the top) and
	// whether there is one.
	read(rel string) (data []byte, found bool, err error)
	// name is how messages name the file at rel.
	name(rel string) string
	// commit is the commit a file comes from ("" on disk, in the index).
	commit() string
}

// dirTree is a folder on disk. A scoped one is a scanned root whose files
// apply only to the findings under it (Origin.Root).
type dirTree struct {
	dir    string
	scoped bool
}

func (t dirTree) read(rel string) ([]byte, bool, error) {
	data, err := os.ReadFile(filepath.Join(t.dir, filepath.FromSlash(rel)))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, nil
	case err != nil:
		return nil, false, err
	}
	return data, true, nil
}
func (t dirTree) name(rel string) string { return filepath.Join(t.dir, filepath.FromSlash(rel)) }
func (t dirTree) commit() string         { return "" }

// repoTree is where a repository of a sweep keeps its files: they apply
// only to that repository's findings (Origin.Root is its name), and a
// bad one is a problem of that repository, not of the run.
type repoTree struct {
	tree
	repo string
}

func (t repoTree) name(rel string) string { return t.repo + ": " + t.tree.name(rel) }

// scopeOf says whether t's files apply only under one root, and which.
func scopeOf(t tree) (root string, scoped bool) {
	switch t := t.(type) {
	case dirTree:
		return t.dir, t.scoped
	case repoTree:
		return t.repo, true
	}
	return "", false
}

// commitTree is the tree of a commit of repo. The target's own files are
// read when it is made, opening the repository once.
type commitTree struct {
	repo, rev string
	own       map[string][]byte // the own files the commit has
}

// ownFileNames are the files a target keeps at its top.
func ownFileNames() []string { return []string{source.IgnoreFileName, suppress.ConfigFileName} }

// newCommitTree reads the own files of the commit rev names; an error is
// ErrNoCommit when repo has no such commit.
func newCommitTree(repo, rev string) (*commitTree, error) {
	own, err := source.ReadFilesAt(repo, rev, ownFileNames()...)
	if err != nil {
		if !errors.Is(err, source.ErrNoCommit) {
			err = fmt.Errorf("reading %s: %w", strings.Join(ownFileNames(), " and "), err)
		}
		return nil, err
	}
	return &commitTree{repo: repo, rev: rev, own: own}, nil
}

func (t *commitTree) read(rel string) ([]byte, bool, error) {
	if slices.Contains(ownFileNames(), rel) {
		data, found := t.own[rel]
		return data, found, nil
	}
	data, found, err := source.ReadFileAt(t.repo, t.rev, rel)
	if err != nil && !errors.Is(err, source.ErrNoCommit) {
		err = fmt.Errorf("reading %s at %s: %w", rel, t.rev, err)
	}
	return data, found, err
}
func (t *commitTree) name(rel string) string { return t.rev + ":" + rel }
func (t *commitTree) commit() string         { return t.rev }

// indexTree is the index of the work tree at top (GIT_INDEX_FILE's);
// staged lists the paths it changes from HEAD.
type indexTree struct {
	ctx    context.Context
	top    string
	staged map[string]bool
}

func (t indexTree) read(rel string) ([]byte, bool, error) {
	return source.ReadIndexFile(t.ctx, t.top, rel)
}
func (t indexTree) name(rel string) string { return ":" + rel }
func (t indexTree) commit() string         { return "" }

// unchanged reports whether the index has HEAD's version of rel: nothing
// to list, and nothing to read.
func (t indexTree) unchanged(rel string) bool { return !t.staged[rel] }

// unchangedFrom reports whether a change's head has its base's version of
// rel (known only for the index).
func unchangedFrom(c change, rel string) bool {
	u, ok := c.head.(interface{ unchanged(string) bool })
	return ok && u.unchanged(rel)
}

// ownFiles says where a target keeps its suppression files.
type ownFiles struct {
	// trees hold the files that apply: each folder scanned, the work tree
	// (HEAD for a bare repository), or the bases of a change.
	trees []tree
	// changes pair each base with the head it is compared with: what the
	// head adds to the files is listed, not applied.
	changes []change
	// top is the top of the repository's work tree ("" none): a --config
	// or --baseline under it is read from the trees when they are
	// commits.
	top string
}

type change struct{ base, head tree }

// fromCommits reports whether the files apply as committed, not as on
// disk.
func (o ownFiles) fromCommits() bool {
	for _, t := range o.trees {
		if _, ok := t.(*commitTree); ok {
			return true
		}
	}
	return false
}

// repoPath returns path as a path in the repository when it is under the
// work tree's top.
func (o ownFiles) repoPath(path string) (string, bool) {
	if o.top == "" {
		return "", false
	}
	top, err := filepath.Abs(o.top)
	if err != nil {
		return "", false
	}
	if t, err := filepath.EvalSymlinks(top); err == nil {
		top = t
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(d, filepath.Base(abs))
	}
	return source.RelPath(top, abs)
}

// commitTrees keeps the commits of revs that repo has (a push's old
// remote commit may never have been fetched); none: the work tree's files
// (HEAD's in a bare repository).
func commitTrees(repo string, revs []string) ([]tree, error) {
	var out []tree
	for _, rev := range revs {
		t, err := newCommitTree(repo, rev)
		switch {
		case errors.Is(err, source.ErrNoCommit):
			continue
		case err != nil:
			return nil, &configError{err}
		}
		out = append(out, t)
	}
	if len(out) > 0 {
		return out, nil
	}
	wt, err := source.WorkTreeOf(repo)
	switch {
	case err != nil:
		return nil, nil // not a repository: the scan says so
	case wt == "":
		t, err := newCommitTree(repo, "HEAD")
		if err != nil {
			return nil, nil // an unborn HEAD: nothing committed yet
		}
		return []tree{t}, nil
	}
	return []tree{dirTree{dir: wt}}, nil
}

// textFile is a suppression file's bytes and the name its errors give.
type textFile struct {
	name string
	data []byte
	// root, when scoped, is the scanned root whose findings alone it
	// applies to.
	root   string
	scoped bool
}

// suppressions is what a run read: the files that apply and what a
// change adds to them.
type suppressions struct {
	configs  []*suppress.Config
	roots    map[*suppress.Config]string // the root of a scoped config
	ignores  []textFile
	baseline *textFile
	// added are the files' versions to compare: per change, the base's
	// and the head's.
	added []addedFile
	// sweptRules are the configs of a sweep's repositories that hold
	// rules: not applied, since a shard would otherwise apply one
	// repository's rules to the others it holds (their allowlists are).
	sweptRules map[*suppress.Config]bool
	// problems are the files of a sweep's repositories that could not be
	// used; skips those only partly used.
	problems []fileProblem
	skips    [][2]string
}

// fileProblem is a suppression file of one repository of a sweep that
// could not be read: an error of that repository.
type fileProblem struct {
	repo string
	err  error
}

// report passes the problems of the sweep's files on to p.
func (s *suppressions) report(p source.Problems) {
	for _, fp := range s.problems {
		p.Error(fp.repo, fp.err)
	}
	for _, sk := range s.skips {
		p.Skip(sk[0], sk[1])
	}
}

// addedFile is one suppression file of a change, at its base and head.
type addedFile struct {
	rel        string
	kind       suppress.Reason // IgnoreFile, Allowlisted (a config) or Baseline
	base, head *textFile       // nil: no such file there
	commit     string          // the head's commit
}

// readSuppressions reads every suppression file of the run. Bad files are
// config errors naming the file and line, all at once.
func readSuppressions(ctx context.Context, o scanOptions, e *env) (*suppressions, error) {
	var own ownFiles
	if o.own != nil {
		var err error
		if own, err = o.own(ctx); err != nil {
			return nil, err
		}
	}
	s := &suppressions{roots: map[*suppress.Config]string{}, sweptRules: map[*suppress.Config]bool{}}
	var errs suppress.Errors
	collect := func(err error) error {
		var pe suppress.Errors
		if errors.As(err, &pe) {
			errs = append(errs, pe...)
			return nil
		}
		return err
	}
	// The target's own files.
	for _, t := range own.trees {
		root, scoped := scopeOf(t)
		rt, swept := t.(repoTree)
		if len(o.IgnoreFiles) == 0 {
			data, found, err := t.read(source.IgnoreFileName)
			if err == nil && found && swept {
				_, err = suppress.ParseIgnore(t.name(source.IgnoreFileName), data)
			}
			switch {
			case err != nil && swept:
				s.problems = append(s.problems, fileProblem{rt.repo, err})
			case err != nil:
				return nil, &configError{err}
			case found:
				s.ignores = append(s.ignores, textFile{name: t.name(source.IgnoreFileName), data: data, root: root, scoped: scoped})
			}
		}
		data, found, err := t.read(suppress.ConfigFileName)
		var c *suppress.Config
		if err == nil && found {
			c, err = suppress.LoadConfig(t.name(suppress.ConfigFileName), data)
		}
		if err != nil && swept {
			s.problems = append(s.problems, fileProblem{rt.repo, err})
			continue
		}
		if err := collect(err); err != nil {
			return nil, &configError{err}
		}
		if c != nil {
			s.configs = append(s.configs, c)
			if scoped {
				s.roots[c] = root
			}
			if r := c.Rules; swept && r != nil && (len(r.Rules) > 0 || !r.UseDefault || len(r.Disable) > 0) {
				s.sweptRules[c] = true
				s.skips = append(s.skips, [2]string{t.name(suppress.ConfigFileName),
					"its rules are not applied in a sweep (pass them to every shard with --config); its allowlists are"})
			}
		}
	}
	for _, name := range o.IgnoreFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, &configError{fmt.Errorf("--ignore-file: %w", err)}
		}
		s.ignores = append(s.ignores, textFile{name: name, data: data})
	}
	// The files the flags name: inside the repository, as committed.
	var repoFiles []addedFile
	for _, p := range o.Configs {
		f, rel, err := s.flagFile(own, p, "config", e)
		if err != nil {
			return nil, err
		}
		if rel != "" {
			repoFiles = append(repoFiles, addedFile{rel: rel, kind: suppress.Allowlisted})
		}
		if f == nil {
			continue
		}
		c, err := suppress.LoadConfig(f.name, f.data)
		if err := collect(err); err != nil {
			return nil, &configError{err}
		}
		if c != nil {
			s.configs = append(s.configs, c)
		}
	}
	if o.Baseline != "" {
		f, rel, err := s.flagFile(own, o.Baseline, "--baseline", e)
		if err != nil {
			return nil, err
		}
		if rel != "" {
			repoFiles = append(repoFiles, addedFile{rel: rel, kind: suppress.Baseline})
		}
		s.baseline = f
	}
	// What each change adds to them.
	own.changes = slices.DeleteFunc(own.changes, func(c change) bool { return c.head == nil })
	if len(own.changes) > 0 {
		files := []addedFile{{rel: suppress.ConfigFileName, kind: suppress.Allowlisted}}
		if len(o.IgnoreFiles) == 0 {
			files = append(files, addedFile{rel: source.IgnoreFileName, kind: suppress.IgnoreFile})
		}
		files = append(files, repoFiles...)
		for _, c := range own.changes {
			for _, f := range files {
				if unchangedFrom(c, f.rel) {
					continue
				}
				af := addedFile{rel: f.rel, kind: f.kind, commit: c.head.commit()}
				for _, side := range []struct {
					t   tree
					dst **textFile
				}{{c.base, &af.base}, {c.head, &af.head}} {
					data, found, err := side.t.read(f.rel)
					if err != nil && !errors.Is(err, source.ErrNoCommit) {
						return nil, &configError{err}
					}
					if found {
						*side.dst = &textFile{name: side.t.name(f.rel), data: data}
					}
				}
				if af.head != nil {
					s.added = append(s.added, af)
				}
			}
		}
	}
	if len(errs) > 0 {
		return nil, &configError{errs}
	}
	return s, nil
}

// flagFile reads a file a flag names. Under the work tree of a change
// it is read as the bases have it; a file only the change adds is not
// applied (rel says where to list what it adds). Elsewhere it is read
// from disk.
func (s *suppressions) flagFile(own ownFiles, path, flag string, e *env) (f *textFile, rel string, err error) {
	if r, ok := own.repoPath(path); ok && own.fromCommits() {
		for _, t := range own.trees {
			data, found, err := t.read(r)
			if err != nil && !errors.Is(err, source.ErrNoCommit) {
				return nil, "", &configError{err}
			}
			if found {
				return &textFile{name: t.name(r), data: data}, r, nil
			}
		}
		for _, c := range own.changes {
			if unchangedFrom(c, r) {
				continue
			}
			if _, found, _ := c.head.read(r); found {
				fmt.Fprintf(e.stderr, "leakstop: %s %s: new in this change, so not applied; what it accepts is listed\n", flag, path)
				return nil, r, nil
			}
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if flag == "config" {
			return nil, "", &configError{fmt.Errorf("config: %w", err)}
		}
		return nil, "", &configError{fmt.Errorf("%s: %w", flag, err)}
	}
	return &textFile{name: path, data: data}, "", nil
}

// ruleFiles are the rules of every config file, in order.
func (s *suppressions) ruleFiles() []*rules.File {
	var out []*rules.File
	for _, c := range s.configs {
		if !s.sweptRules[c] {
			out = append(out, c.Rules)
		}
	}
	return out
}

// newFilter builds the run's filter from what was read, for the rules of
// set (allowlists must name rules of the run).
func newFilter(set *rules.Set, s *suppressions) (*suppress.Filter, error) {
	f := &suppress.Filter{Rules: set, Ignore: suppress.NewList(set), RootIgnore: map[string]*suppress.List{},
		RootAllowlists: map[string][]*suppress.Allowlist{}}
	var errs suppress.Errors
	collect := func(err error) error {
		var pe suppress.Errors
		if errors.As(err, &pe) {
			errs = append(errs, pe...) // every problem of every file at once
			return nil
		}
		return err
	}
	for _, t := range s.ignores {
		entries, err := suppress.ParseIgnore(t.name, t.data)
		if err := collect(err); err != nil {
			return nil, &configError{err}
		}
		list := f.Ignore
		if t.scoped {
			if list = f.RootIgnore[t.root]; list == nil {
				list = suppress.NewList(set)
				f.RootIgnore[t.root] = list
			}
		}
		list.Add(entries...)
	}
	for _, c := range s.configs {
		for _, a := range c.Allowlists {
			if err := collect(a.Resolve(set)); err != nil {
				return nil, &configError{err}
			}
		}
		if root, ok := s.roots[c]; ok {
			f.RootAllowlists[root] = append(f.RootAllowlists[root], c.Allowlists...)
		} else {
			f.Allowlists = append(f.Allowlists, c.Allowlists...)
		}
	}
	if s.baseline != nil {
		entries, err := suppress.ParseBaseline(s.baseline.name, s.baseline.data)
		if err := collect(err); err != nil {
			return nil, &configError{err}
		}
		f.Baseline = suppress.NewList(set, entries...)
	}
	for _, af := range s.added {
		ps, err := af.proposed(set)
		if err := collect(err); err != nil {
			return nil, &configError{err}
		}
		f.Proposed = append(f.Proposed, ps...)
	}
	if len(errs) > 0 {
		return nil, &configError{errs}
	}
	f.Proposed = uniqueProposed(f.Proposed)
	return f, nil
}

// proposed lists what the head's version of the file accepts that the
// base's does not. A bad head version is an error too: merged, it would
// break every later run.
func (af addedFile) proposed(set *rules.Set) ([]*suppress.Proposed, error) {
	switch af.kind {
	case suppress.Allowlisted:
		head, err := suppress.LoadConfig(af.head.name, af.head.data)
		if err != nil {
			return nil, err
		}
		var errs suppress.Errors
		for _, a := range head.Allowlists {
			var es suppress.Errors
			if errors.As(a.Resolve(set), &es) {
				errs = append(errs, es...)
			}
		}
		if len(errs) > 0 {
			return nil, errs
		}
		var base *suppress.Config
		if af.base != nil {
			if base, err = suppress.LoadConfig(af.base.name, af.base.data); err != nil {
				return nil, nil // the base's errors are reported where it applies
			}
		}
		return suppress.ProposedConfig(af.rel, af.commit, base, head), nil
	}
	parse := suppress.ParseIgnore
	if af.kind == suppress.Baseline {
		parse = suppress.ParseBaseline
	}
	head, err := parse(af.head.name, af.head.data)
	if err != nil {
		return nil, err
	}
	var base []suppress.Entry
	if af.base != nil {
		if base, err = parse(af.base.name, af.base.data); err != nil {
			return nil, nil
		}
	}
	return suppress.ProposedEntries(af.kind, af.rel, af.commit, base, head), nil
}

// uniqueProposed drops a proposal seen before (several pushed branches
// adding the same entry).
func uniqueProposed(ps []*suppress.Proposed) []*suppress.Proposed {
	seen := map[[3]string]bool{}
	return slices.DeleteFunc(ps, func(p *suppress.Proposed) bool {
		k := [3]string{p.Kind, p.File, p.Entry}
		if seen[k] {
			return true
		}
		seen[k] = true
		return false
	})
}
