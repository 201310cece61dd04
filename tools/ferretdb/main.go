// Command passerelle-ferretdb runs an embedded FerretDB 1.24 behind a gate that executes each
// write alone (reads only beside other reads), so the app gets MongoDB's single-document
// atomicity on SQLite or PostgreSQL.
//
// On success it prints exactly one line to stdout, `READY mongodb://127.0.0.1:<port>/`;
// everything else (FerretDB's logs, errors) goes to stderr.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// maxUnixPath keeps the socket path under the sun_path limit (108 bytes on Linux, 104 on macOS).
const maxUnixPath = 100

type options struct {
	listen           string
	sqliteDir        string
	postgresqlURL    string
	logLevel         string
	exitOnStdinClose bool
	noGate           bool
}

func main() {
	os.Exit(run())
}

func run() int {
	opts, err := parseFlags(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "passerelle-ferretdb:", err)
		return 2
	}

	var level slog.Level
	if err = level.UnmarshalText([]byte(opts.logLevel)); err != nil {
		fmt.Fprintln(os.Stderr, "passerelle-ferretdb: bad --log-level:", err)
		return 2
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if opts.exitOnStdinClose {
		// The parent keeps our stdin open; EOF means it is gone, even if it was SIGKILLed and could
		// not send SIGTERM. Without this an orphan would keep the SQLite files open.
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			log.Info("stdin closed, shutting down")
			stop()
		}()
	}

	if err = serve(ctx, opts, log); err != nil {
		log.Error("passerelle-ferretdb failed", slog.String("error", err.Error()))
		return 1
	}
	return 0
}

func parseFlags(args []string) (*options, error) {
	fs := flag.NewFlagSet("passerelle-ferretdb", flag.ContinueOnError)
	o := &options{}
	fs.StringVar(&o.listen, "listen", "127.0.0.1:0", "public address for clients (port 0 picks a free port)")
	fs.StringVar(&o.sqliteDir, "sqlite-dir", "", "SQLite backend: directory holding the database files")
	fs.StringVar(&o.postgresqlURL, "postgresql-url", "", "PostgreSQL backend: postgres://user@host:port/db")
	fs.StringVar(&o.logLevel, "log-level", "warn", "log level on stderr: debug, info, warn, error")
	fs.BoolVar(&o.exitOnStdinClose, "exit-on-stdin-close", false, "exit when stdin reaches EOF")
	// Diagnostics only: clients talk to FerretDB directly, showing why the gate exists.
	fs.BoolVar(&o.noGate, "no-gate", false, "")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: passerelle-ferretdb (--sqlite-dir DIR | --postgresql-url URL) [options]")
		fs.VisitAll(func(f *flag.Flag) {
			if f.Name != "no-gate" {
				fmt.Fprintf(fs.Output(), "  --%s\t%s (default %q)\n", f.Name, f.Usage, f.DefValue)
			}
		})
	}

	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if (o.sqliteDir == "") == (o.postgresqlURL == "") {
		return nil, errors.New("exactly one of --sqlite-dir or --postgresql-url is required")
	}
	return o, nil
}

func serve(ctx context.Context, opts *options, log *slog.Logger) error {
	cfg := &ferretdb.Config{Logger: log}

	if opts.sqliteDir != "" {
		dir, err := filepath.Abs(opts.sqliteDir)
		if err != nil {
			return err
		}
		if err = os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		cfg.Handler = "sqlite"
		// FerretDB wants a file: URL naming a directory, with the trailing slash.
		cfg.SQLiteURL = (&url.URL{Scheme: "file", Path: dir + "/"}).String()
	} else {
		cfg.Handler = "postgresql"
		cfg.PostgreSQLURL = opts.postgresqlURL
	}

	if opts.noGate {
		cfg.Listener.TCP = opts.listen
		return runFerret(ctx, cfg, log, nil)
	}

	// A private directory (0700) keeps other local users off the ungated socket.
	sockDir, err := os.MkdirTemp("", "pferret-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(sockDir)

	sock := filepath.Join(sockDir, "s")
	if len(sock) > maxUnixPath {
		if sockDir, err = os.MkdirTemp("/tmp", "pferret-"); err != nil {
			return err
		}
		defer os.RemoveAll(sockDir)
		sock = filepath.Join(sockDir, "s")
	}
	cfg.Listener.Unix = sock

	ln, err := net.Listen("tcp", opts.listen)
	if err != nil {
		return err
	}

	g := newGate(func() (net.Conn, error) { return net.Dial("unix", sock) }, true, log)
	return runFerret(ctx, cfg, log, func(gctx context.Context) (string, func()) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			g.serve(gctx, ln)
		}()
		return publicURI(ln.Addr()), func() { <-done }
	})
}

// runFerret starts FerretDB, then the gate (when startGate is not nil), announces READY and
// waits for ctx; it stops the gate before FerretDB so no command is cut half-way by the backend.
func runFerret(
	ctx context.Context,
	cfg *ferretdb.Config,
	log *slog.Logger,
	startGate func(context.Context) (string, func()),
) error {
	f, err := ferretdb.New(cfg)
	if err != nil {
		return err
	}

	ferretCtx, stopFerret := context.WithCancel(context.Background())
	defer stopFerret()
	ferretDone := make(chan error, 1)
	go func() { ferretDone <- f.Run(ferretCtx) }()

	var uri string
	waitGate := func() {}
	gateCtx, stopGate := context.WithCancel(ctx)
	defer stopGate()
	if startGate != nil {
		uri, waitGate = startGate(gateCtx)
	} else {
		// The TCP listener is bound by ferretdb.New, so MongoDBURI does not block here.
		uri = f.MongoDBURI()
	}

	fmt.Printf("READY %s\n", uri)

	select {
	case <-ctx.Done():
	case err = <-ferretDone:
		stopGate()
		waitGate()
		if err == nil {
			err = errors.New("FerretDB stopped unexpectedly")
		}
		return err
	}

	stopGate()
	waitGate()
	stopFerret()

	select {
	case err = <-ferretDone:
		return err
	case <-time.After(10 * time.Second):
		return errors.New("FerretDB did not stop within 10s")
	}
}

// publicURI turns the bound address into the URI clients use; a wildcard bind is reached via loopback.
func publicURI(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return "mongodb://" + addr.String() + "/"
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "mongodb://" + net.JoinHostPort(host, strconv.Itoa(tcp.Port)) + "/"
}
