package rotate

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkDeliver measures delivery to a loopback receiver that answers
// 204 at once: batches of 1,000 events, 8 requests in flight, with and
// without the spool (write-ahead synced, a mark per event, compaction).
func BenchmarkDeliver(b *testing.B) {
	key := testKey("bench", 32)
	keys, err := ParseKeys(key)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.WriteHeader(http.StatusNoContent)
	}))
	b.Cleanup(srv.Close)
	const batch = 1000
	evs := testEvents(b, batch)
	for _, spooled := range []bool{false, true} {
		name := "memory"
		if spooled {
			name = "spool"
		}
		b.Run(name, func(b *testing.B) {
			c, err := New(Options{URL: srv.URL, Keys: keys, Concurrency: 8})
			if err != nil {
				b.Fatal(err)
			}
			var sp *Spool
			if spooled {
				if sp, err = OpenSpool(filepath.Join(b.TempDir(), "spool.jsonl")); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			start := time.Now()
			for b.Loop() {
				sum, err := c.Send(context.Background(), sp, evs, nil)
				if err != nil || sum.Delivered != batch {
					b.Fatalf("%+v, %v", sum, err)
				}
			}
			b.ReportMetric(float64(batch*b.N)/time.Since(start).Seconds(), "events/s")
		})
	}
}
