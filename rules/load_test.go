package rules

import (
	"errors"
	"strings"
	"testing"
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"unknown key", "[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>x)'\nkeywrds = [\"x\"]\n", "f.toml:4: unknown key"},
		{"bad regex", "[[rules]]\nid = \"a-b\"\nkeywords = [\"abc\"]\nregex = '(?P<secret>x'\n", "f.toml:4: rule \"a-b\": bad regex"},
		{"no secret group", "[[rules]]\nid = \"a-b\"\nregex = 'abc'\n", "f.toml:3: rule \"a-b\": regex has no secret group"},
		{"example does not match", "[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>abc\\d+)'\n[[rules.examples]]\ntext = \"abc\"\nsecret = \"abc1\"\n", "f.toml:4: rule \"a-b\": example does not match"},
		{"example yields other", "[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>abc\\d+)'\n[[rules.examples]]\ntext = \"abc12\"\nsecret = \"abc1\"\n", "f.toml:4: rule \"a-b\": example yields"},
		{"unknown validator", "[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>abc)'\nvalidator = \"nope\"\n", "f.toml:4: rule \"a-b\": unknown validator"},
		{"bad severity", "[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>abc)'\nseverity = \"huge\"\n", "f.toml:4: rule \"a-b\": unknown severity"},
		{"duplicate id", "[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>abc)'\n[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>abc)'\n", "f.toml:4: rule id \"a-b\" already used"},
		{"syntax", "[[rules]]\nid = \"a-b\nregex = 'x'\n", "f.toml:2:"},
		{"checksum fails", "[[rules]]\nid = \"gh\"\nregex = '(?P<secret>ghp_[0-9A-Za-z]{36})'\nvalidator = \"crc32-base62\"\n[[rules.examples]]\ntext = \"ghp_" + strings.Repeat("a", 36) + "\"\nsecret = \"ghp_" + strings.Repeat("a", 36) + "\"\n", "f.toml:5: rule \"gh\": example secret"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("f.toml", []byte(tt.file))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %T is not Errors", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestLoadCollectsAllErrors(t *testing.T) {
	file := "[[rules]]\nid = \"a\"\nregex = 'x'\n[[rules]]\nid = \"b-b\"\nregex = '('\n"
	_, err := Load("f.toml", []byte(file))
	var es Errors
	if !errors.As(err, &es) || len(es) != 3 {
		t.Fatalf("got %v, want three errors", err)
	}
}

func TestLoadExtend(t *testing.T) {
	f, err := Load("f.toml", []byte("[extend]\ndefault = false\ndisable = [\"x\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f.UseDefault || len(f.Disable) != 1 {
		t.Fatalf("extend not read: %+v", f)
	}
}

func TestPositionsWithQuotesInLiterals(t *testing.T) {
	file := "[[rules]]\nid = \"a-b\"\nregex = '''(?:\"\"\"|x)(?P<secret>abc)'''\n\n[[rules]]\nid = \"c-d\"\nregex = '''(?P<secret>abc'''\n"
	_, err := Load("f.toml", []byte(file))
	if err == nil || !strings.Contains(err.Error(), "f.toml:7:") {
		t.Fatalf("error %v, want one at f.toml:7", err)
	}
}

// A config file holds allowlists besides rules: Load passes over the
// tables package suppress reads, and still rejects any other unknown key.
func TestLoadPassesOverSuppressionTables(t *testing.T) {
	data := "[extend]\ndisable = [\"x-y\"]\n\n[[rules]]\nid = \"a-b\"\nregex = '(?P<secret>abc)'\n\n" +
		"[[allowlists]]\npaths = [\"docs/**\"]\nanything = 1\n"
	f, err := Load("f.toml", []byte(data))
	if err != nil {
		t.Fatalf("allowlists are not the rule loader's to check: %v", err)
	}
	if len(f.Rules) != 1 || f.DisableLine != 2 {
		t.Errorf("rules %d, disable line %d", len(f.Rules), f.DisableLine)
	}
	_, err = Load("f.toml", []byte(data+"\n[allowlist]\npaths = [\"x\"]\n"))
	if err == nil || !strings.Contains(err.Error(), `f.toml:12: unknown key "allowlist"`) {
		t.Errorf("err = %v, want the unknown table named with its line", err)
	}
}
