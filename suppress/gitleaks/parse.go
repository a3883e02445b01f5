package gitleaks

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/leakstop/leakstop/rules"
	"github.com/leakstop/leakstop/suppress"
)

// config mirrors gitleaks' documented configuration. gitleaks reads it
// through viper, which matches keys in any case; the TOML decoder falls
// back to a case-insensitive match too.
type config struct {
	Title       string        `toml:"title"`
	Description string        `toml:"description"`
	MinVersion  string        `toml:"minVersion"`
	Extend      *extend       `toml:"extend"`
	Rules       []rule        `toml:"rules"`
	Allowlist   *allowlist    `toml:"allowlist"` // before v8.25: one global allowlist
	Allowlists  []allowlist   `toml:"allowlists"`
	pos         filePositions `toml:"-"`
}

type extend struct {
	UseDefault    bool     `toml:"useDefault"`
	Path          string   `toml:"path"`
	URL           string   `toml:"url"`
	DisabledRules []string `toml:"disabledRules"`
}

type rule struct {
	ID          string   `toml:"id"`
	Description string   `toml:"description"`
	Regex       string   `toml:"regex"`
	SecretGroup int      `toml:"secretGroup"`
	Entropy     float64  `toml:"entropy"`
	Keywords    []string `toml:"keywords"`
	Path        string   `toml:"path"`
	Tags        []string `toml:"tags"`
	SkipReport  bool     `toml:"skipReport"`
	// Allowlist is the form before v8.21; Allowlists the current one.
	Allowlist  *allowlist  `toml:"allowlist"`
	Allowlists []allowlist `toml:"allowlists"`
	Required   []required  `toml:"required"`

	line int // of its [[rules]] header
}

type required struct {
	ID            string `toml:"id"`
	WithinLines   *int   `toml:"withinLines"`
	WithinColumns *int   `toml:"withinColumns"`
}

type allowlist struct {
	Description string   `toml:"description"`
	Condition   string   `toml:"condition"`
	Commits     []string `toml:"commits"`
	Paths       []string `toml:"paths"`
	RegexTarget string   `toml:"regexTarget"`
	Regexes     []string `toml:"regexes"`
	StopWords   []string `toml:"stopwords"`
	TargetRules []string `toml:"targetRules"` // global allowlists only

	line int // of its table header
}

// parse decodes a gitleaks configuration. A file that is not TOML, or
// whose values have the wrong types, is an error naming the line; keys
// gitleaks does not know are returned to be reported, as gitleaks
// ignores them.
func parse(name string, data []byte) (*config, []toml.Key, error) {
	var c config
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&c)
	if err != nil {
		e := &rules.Error{File: name, Msg: err.Error(), Err: err}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			e.Line, e.Msg = pe.Position.Line, pe.Message
		} else if line, key, msg, ok := suppress.TypeError(err.Error()); ok {
			e.Line, e.Msg = line, key+": "+msg
		}
		return nil, nil, rules.Errors{e}
	}
	c.pos = newFilePositions(data)
	c.pos.place(&c)
	return &c, md.Undecoded(), nil
}

// filePositions finds the lines of a gitleaks file's tables: the TOML
// decoder keeps positions to itself.
type filePositions struct {
	lines   [][]byte
	headers []rules.Header
}

func newFilePositions(data []byte) filePositions {
	lines, headers := rules.TableHeaders(data)
	return filePositions{lines: lines, headers: headers}
}

// place gives each rule and allowlist of c the line of its header, in
// file order: a [[rules.allowlists]] belongs to the [[rules]] before it.
func (p filePositions) place(c *config) {
	ri, gi := -1, 0
	rj := 0
	for _, h := range p.headers {
		switch strings.ToLower(h.Name) {
		case "[[rules]]":
			ri++
			rj = 0
			if ri < len(c.Rules) {
				c.Rules[ri].line = h.Line
			}
		case "[[rules.allowlists]]":
			if ri >= 0 && ri < len(c.Rules) && rj < len(c.Rules[ri].Allowlists) {
				c.Rules[ri].Allowlists[rj].line = h.Line
				rj++
			}
		case "[rules.allowlist]":
			if ri >= 0 && ri < len(c.Rules) && c.Rules[ri].Allowlist != nil {
				c.Rules[ri].Allowlist.line = h.Line
			}
		case "[allowlist]":
			if c.Allowlist != nil {
				c.Allowlist.line = h.Line
			}
		case "[[allowlists]]":
			if gi < len(c.Allowlists) {
				c.Allowlists[gi].line = h.Line
				gi++
			}
		}
	}
}

// header returns the line of the first table header named name (lower
// case, no spaces); 0 when there is none.
func (p filePositions) header(name string) int {
	for _, h := range p.headers {
		if strings.ToLower(h.Name) == name {
			return h.Line
		}
	}
	return 0
}

// value returns the first line, from line from on, that holds v as
// written; from when it is not found (a value written with escapes).
func (p filePositions) value(from int, v string) int {
	if from <= 0 || v == "" {
		return from
	}
	for l := from; l <= len(p.lines); l++ {
		if bytes.Contains(p.lines[l-1], []byte(v)) {
			return l
		}
		if l > from && len(bytes.TrimSpace(p.lines[l-1])) > 0 && bytes.TrimSpace(p.lines[l-1])[0] == '[' &&
			!bytes.HasPrefix(bytes.TrimSpace(p.lines[l-1]), []byte("['")) {
			break // the next table
		}
	}
	return from
}

// keyLine returns the first line assigning key (any case) at or after
// line from; from when there is none.
func (p filePositions) keyLine(from int, key string) int {
	for l := max(from, 1); l <= len(p.lines); l++ {
		line := bytes.TrimSpace(p.lines[l-1])
		if len(line) >= len(key) && strings.EqualFold(string(line[:len(key)]), key) {
			if rest := bytes.TrimSpace(line[len(key):]); len(rest) > 0 && rest[0] == '=' {
				return l
			}
		}
	}
	return from
}

// where names a line of the file.
func where(name string, line int) string {
	if line <= 0 {
		return name
	}
	return fmt.Sprintf("%s:%d", name, line)
}
