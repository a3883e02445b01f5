// Command rotaterecv is the loopback webhook receiver of bench/rotate.sh:
// it checks each delivery's Standard Webhooks signature, answers 204,
// writes its URL to -url-file and, when stopped (SIGTERM or SIGINT), what
// it received to standard error.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/leakstop/leakstop/internal/webhooktest"
)

func main() {
	urlFile := flag.String("url-file", "", "write the webhook's URL to `FILE`")
	flag.Parse()
	secret := os.Getenv("LEAKSTOP_WEBHOOK_SECRET")
	if *urlFile == "" || secret == "" {
		fmt.Fprintln(os.Stderr, "usage: LEAKSTOP_WEBHOOK_SECRET=whsec_... rotaterecv -url-file FILE")
		os.Exit(2)
	}
	rc := &webhooktest.Receiver{Secrets: []string{secret}}
	url, err := rc.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(*urlFile, []byte(url+"\n"), 0o600); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, os.Interrupt)
	<-stop
	rc.Stop()
	c := rc.Counts()
	fmt.Fprintf(os.Stderr, "receiver: %d requests, %d accepted, %d distinct webhook-ids, %d invalid signatures\n",
		c.Requests, c.Accepted, len(rc.Accepted()), c.Invalid)
}
