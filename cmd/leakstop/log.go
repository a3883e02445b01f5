package main

import (
	"encoding"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/leakstop/leakstop/detect"
	"github.com/leakstop/leakstop/internal/redact"
	"github.com/leakstop/leakstop/source"
)

// Levels of --log-level. The default, warn, keeps a clean run silent on
// standard error, as hooks and CI logs want: warnings are items skipped or
// not read; info adds the run's summary; debug adds progress, each
// finding (redacted) and each accepted finding.
var logLevels = []struct {
	name  string
	level slog.Level
}{
	{"debug", slog.LevelDebug},
	{"info", slog.LevelInfo},
	{"warn", slog.LevelWarn},
	{"error", slog.LevelError},
}

const defaultLogLevel = "warn"

func logLevelNames() []string {
	names := make([]string, len(logLevels))
	for i, l := range logLevels {
		names[i] = l.name
	}
	return names
}

// parseLogLevel reads a --log-level value; "" is the default.
func parseLogLevel(s string) (slog.Level, error) {
	if s == "" {
		s = defaultLogLevel
	}
	name := strings.ToLower(s)
	if name == "warning" {
		name = "warn"
	}
	for _, l := range logLevels {
		if l.name == name {
			return l.level, nil
		}
	}
	return 0, usagef("--log-level %q: want one of %s", s, strings.Join(logLevelNames(), ", "))
}

// newRedactor returns the set of secrets a run masks in its log lines and
// messages; the run adds each secret it finds.
func newRedactor() *redact.Set {
	return &redact.Set{Mask: detect.Redact}
}

// newLogger returns a run's logger: slog's text lines (no time stamps:
// CI runners add their own, and a line reads the same on every run) on
// w, standard error, at level and above. Every string and error it
// carries, the message included, passes through red first, so no log
// line holds a secret the run has seen, nor a URL's password.
func newLogger(w io.Writer, level slog.Level, red *redact.Set) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{
		Level: level,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return redactAttr(a, red)
		},
	}))
}

// redactAttr passes a's text through red. Values that are not text
// (numbers, durations) cannot carry a secret; any other value is turned
// into the text the handler would print, then redacted.
func redactAttr(a slog.Attr, red *redact.Set) slog.Attr {
	switch a.Value.Kind() {
	case slog.KindString:
		a.Value = slog.StringValue(red.String(a.Value.String()))
	case slog.KindAny:
		var text string
		switch v := a.Value.Any().(type) {
		case encoding.TextMarshaler: // detect.Secret marshals its preview
			b, err := v.MarshalText()
			if err != nil {
				text = "!ERROR:" + err.Error()
			} else {
				text = string(b)
			}
		case error:
			text = v.Error()
		default:
			text = fmt.Sprintf("%+v", v)
		}
		a.Value = slog.StringValue(red.String(text))
	}
	return a
}

// sourceAttrs describes what a scan reads, for its first debug line.
func sourceAttrs(src source.Source) []any {
	switch s := src.(type) {
	case addedOnly:
		return append(sourceAttrs(s.Source), "added_lines_only", true)
	case stagedAdded:
		return append(sourceAttrs(s.Staged), "added_lines_only", true)
	case *source.Dir:
		return []any{"source", "dir", "roots", s.Roots, "follow_symlinks", s.FollowSymlinks}
	case *source.Git:
		attrs := []any{"source", "git", "repo", s.Repo}
		for _, kv := range [][2]string{{"range", s.Range}, {"since_commit", s.SinceCommit}, {"branch", s.Branch}} {
			if kv[1] != "" {
				attrs = append(attrs, kv[0], kv[1])
			}
		}
		return attrs
	case sweepSource:
		return []any{"source", "git sweep", "repositories", len(s.Repos), "branch", s.Git.Branch}
	case *source.Stdin:
		return []any{"source", "stdin", "path_name", s.Name}
	case *source.Staged:
		return []any{"source", "staged"}
	case *source.PrePush:
		return []any{"source", "pre-push", "remote", s.Remote, "updates", len(s.Updates)}
	case *source.Slack:
		return []any{"source", "slack", "export", s.Export, "files", s.Files, "workspace", s.Workspace}
	}
	return []any{"source", fmt.Sprintf("%T", src)}
}

// firstMilestone is the number of items after which a scan first logs its
// progress (at debug); each later milestone doubles it, so that a long
// scan says how it goes in a few lines.
const firstMilestone = 1000
