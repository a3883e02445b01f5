package rules

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"path"
	"strings"
	"sync"
)

//go:embed default/*.toml
var catalogFS embed.FS

// Default loads the embedded catalog. Each file's name (without .toml) is the
// family of the rules in it that do not name one.
func Default() (*Set, error) {
	entries, err := catalogFS.ReadDir("default")
	if err != nil {
		return nil, fmt.Errorf("read embedded catalog: %w", err)
	}
	// Decode the files in parallel; keep their (sorted) order.
	files := make([]*File, len(entries))
	errs := make([]error, len(entries))
	var wg sync.WaitGroup
	for i, e := range entries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := path.Join("default", e.Name())
			data, err := catalogFS.ReadFile(name)
			if err != nil {
				errs[i] = fmt.Errorf("read embedded %s: %w", name, err)
				return
			}
			files[i], errs[i] = load("rules/"+name, data, false)
		}()
	}
	wg.Wait()
	var all []*Rule
	var problems Errors
	for i, e := range entries {
		if err := errs[i]; err != nil {
			var le Errors
			if errors.As(err, &le) {
				problems = append(problems, le...)
				continue
			}
			return nil, err
		}
		family := strings.TrimSuffix(e.Name(), ".toml")
		for _, r := range files[i].Rules {
			if r.Family == "" {
				r.Family = family
			}
		}
		all = append(all, files[i].Rules...)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	set := NewSet()
	for _, r := range all {
		if _, dup := set.Lookup(r.ID); dup {
			problems = append(problems, &Error{File: r.File, Line: r.Line, Msg: fmt.Sprintf("rule id %q is defined twice in the catalog", r.ID)})
		}
		set.add(r)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return set, nil
}

// Configure builds the rule set a run uses from config files on disk:
// configs are their paths, in order (see ConfigureFiles).
func Configure(configs []string) (*Set, error) {
	var (
		files []*File
		errs  Errors
	)
	for _, p := range configs {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		f, err := Load(p, data)
		if err != nil {
			var le Errors
			if errors.As(err, &le) {
				errs = append(errs, le...)
				continue
			}
			return nil, err
		}
		files = append(files, f)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return ConfigureFiles(files)
}

// ConfigureFiles builds the rule set a run uses: the default catalog
// (unless a config file turns it off), the loaded files' rules on top,
// minus the rules they disable. A file may have been read from disk or
// from a commit; errors name it as File.Name does.
func ConfigureFiles(files []*File) (*Set, error) {
	def, err := Default()
	if err != nil {
		return nil, err
	}
	set := def
	useDefault := true
	var user []*Rule
	var disable []string
	disabledIn := map[string]*File{} // rule id -> file disabling it
	var errs Errors
	for _, f := range files {
		useDefault = useDefault && f.UseDefault
		for _, r := range f.Rules {
			if r.Family == "" {
				r.Family = "custom"
			}
		}
		user = append(user, f.Rules...)
		disable = append(disable, f.Disable...)
		for _, id := range f.Disable {
			disabledIn[id] = f
		}
	}
	if !useDefault {
		set = NewSet()
	}
	set = set.Merge(NewSet(user...))
	set, unknown := set.Without(disable)
	for _, id := range unknown {
		f := disabledIn[id]
		errs = append(errs, &Error{File: f.Name, Line: f.DisableLine, Msg: fmt.Sprintf("cannot disable unknown rule %q", id)})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	for _, r := range set.Rules {
		if r.Requires != nil {
			if _, ok := set.Lookup(r.Requires.RuleID); !ok {
				return nil, &Error{File: r.File, Line: r.Line, Msg: fmt.Sprintf("rule %q requires rule %q, which is not in the set", r.ID, r.Requires.RuleID)}
			}
		}
	}
	return set, nil
}
