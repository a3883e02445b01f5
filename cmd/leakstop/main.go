// Command leakstop finds leaked credentials in folders, standard input and
// (soon) git history, and reports them without printing them.
package main

import "os"

func main() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) }
