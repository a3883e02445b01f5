package source

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestStdin(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		src      Stdin
		wantPath string
		wantData string
		wantSkip bool
	}{
		{"default name", "a=1\n", Stdin{}, "stdin", "a=1\n", false},
		{"path name", "a=1\n", Stdin{Name: `k8s\secret.yaml`}, `k8s\secret.yaml`, "a=1\n", false},
		{"BOM dropped", "\xEF\xBB\xBFa=1", Stdin{}, "stdin", "a=1", false},
		{"binary scanned anyway", "a\x00\x00b", Stdin{}, "stdin", "a\x00\x00b", false},
		{"too large", "0123456789", Stdin{MaxSize: 5}, "stdin", "", true},
		{"at the limit", "01234", Stdin{MaxSize: 5}, "stdin", "01234", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.src
			s.R = strings.NewReader(tt.in)
			c := newCollector()
			if err := s.Fragments(context.Background(), 4, c.visit, c); err != nil {
				t.Fatal(err)
			}
			if tt.wantSkip {
				if len(c.frags) != 0 || c.skips[tt.wantPath] != ReasonTooLarge {
					t.Errorf("fragments %d, skips %v", len(c.frags), c.skips)
				}
				return
			}
			if len(c.frags) != 1 {
				t.Fatalf("%d fragments", len(c.frags))
			}
			f := c.frags[0]
			o := f.Origins[0]
			if o.Kind != KindStdin || o.Path != tt.wantPath || string(f.Data) != tt.wantData || f.ID != BlobID([]byte(tt.in)) {
				t.Errorf("got %+v %q id %s", o, f.Data, f.ID)
			}
			if c.workers[0] != 0 {
				t.Errorf("worker %d", c.workers[0])
			}
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("input/output error") }

func TestStdinReadError(t *testing.T) {
	c := newCollector()
	if err := (&Stdin{R: failingReader{}}).Fragments(context.Background(), 1, c.visit, c); err != nil {
		t.Fatal(err)
	}
	if c.errs["stdin"] != "input/output error" {
		t.Errorf("errors = %v", c.errs)
	}
}

// A reader that never returns does not hang a canceled scan.
func TestStdinCanceled(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	c := newCollector()
	err := (&Stdin{R: pr}).Fragments(ctx, 1, c.visit, c)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
}
