package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"
)

// opMsgBytes builds a minimal OP_MSG: header, flags, one kind-0 section holding an empty document.
func opMsgBytes(requestID int32, flags uint32) []byte {
	body := []byte{0, 5, 0, 0, 0, 0} // kind 0, then the empty BSON document {}
	n := headerLen + 4 + len(body)
	if flags&flagChecksumPresent != 0 {
		n += 4
	}
	msg := make([]byte, n)
	binary.LittleEndian.PutUint32(msg[0:], uint32(n))
	binary.LittleEndian.PutUint32(msg[4:], uint32(requestID))
	binary.LittleEndian.PutUint32(msg[12:], opMsg)
	binary.LittleEndian.PutUint32(msg[16:], flags)
	copy(msg[20:], body)
	if flags&flagChecksumPresent != 0 {
		binary.LittleEndian.PutUint32(msg[n-4:], crc32.Checksum(msg[:n-4], castagnoli))
	}
	return msg
}

func TestClearMoreToComeKeepsChecksumValid(t *testing.T) {
	msg := opMsgBytes(1, flagMoreToCome|flagChecksumPresent)
	clearMoreToCome(msg)

	if msgFlags(msg) != flagChecksumPresent {
		t.Fatalf("flags = %b", msgFlags(msg))
	}
	end := len(msg) - 4
	if binary.LittleEndian.Uint32(msg[end:]) != crc32.Checksum(msg[:end], castagnoli) {
		t.Fatal("checksum not recomputed")
	}
}

// fakeUpstream answers each request with `replies` messages, the last one without moreToCome.
func fakeUpstream(t *testing.T, conn net.Conn, replies int, seen chan<- uint32) {
	r := bufio.NewReader(conn)
	for {
		req, err := readMessage(r)
		if err != nil {
			return
		}
		seen <- msgFlags(req)
		for i := 1; i <= replies; i++ {
			var flags uint32
			if i < replies {
				flags = flagMoreToCome
			}
			if _, err = conn.Write(opMsgBytes(int32(i), flags)); err != nil {
				t.Error(err)
				return
			}
		}
	}
}

func TestRoundTrip(t *testing.T) {
	g := newGate(nil, true, slog.New(slog.NewTextHandler(io.Discard, nil)))

	t.Run("reads every reply of an exhaust sequence", func(t *testing.T) {
		client, server := net.Pipe()
		defer client.Close()
		seen := make(chan uint32, 1)
		go fakeUpstream(t, server, 3, seen)

		replies, err := g.roundTrip(opMsgBytes(7, 0), client, bufio.NewReader(client))
		if err != nil {
			t.Fatal(err)
		}
		if len(replies) != 3 {
			t.Fatalf("got %d replies, want 3", len(replies))
		}
	})

	t.Run("waits for and drops the reply FerretDB sends to a moreToCome request", func(t *testing.T) {
		client, server := net.Pipe()
		defer client.Close()
		seen := make(chan uint32, 2)
		go fakeUpstream(t, server, 1, seen)
		ur := bufio.NewReader(client)

		replies, err := g.roundTrip(opMsgBytes(8, flagMoreToCome), client, ur)
		if err != nil || replies != nil {
			t.Fatalf("replies = %v, err = %v; want none", replies, err)
		}
		if flags := <-seen; flags&flagMoreToCome != 0 {
			t.Fatal("moreToCome was forwarded")
		}

		// The next request must get its own reply, not the dropped one.
		replies, err = g.roundTrip(opMsgBytes(9, 0), client, ur)
		if err != nil || len(replies) != 1 {
			t.Fatalf("replies = %d, err = %v", len(replies), err)
		}
	})
}

func TestReadMessageRejectsBadLength(t *testing.T) {
	var buf [4]byte
	binary.LittleEndian.PutUint32(buf[:], 3)
	r := bufio.NewReader(bytes.NewReader(buf[:]))
	if _, err := readMessage(r); err == nil {
		t.Fatal("want error for a length shorter than the header")
	}
}

// commandMsg builds an OP_MSG whose body is {<name>: 1}, after an optional document sequence.
func commandMsg(name string, withSequence bool) []byte {
	var body bytes.Buffer
	if withSequence {
		// kind 1: int32 size, identifier "documents\x00", one empty document.
		id := []byte("documents\x00")
		seq := make([]byte, 4)
		binary.LittleEndian.PutUint32(seq, uint32(4+len(id)+5))
		body.WriteByte(1)
		body.Write(seq)
		body.Write(id)
		body.Write([]byte{5, 0, 0, 0, 0})
	}
	// kind 0: {name: int32 1}
	el := append(append([]byte{0x10}, append([]byte(name), 0)...), 1, 0, 0, 0)
	doc := make([]byte, 4, 4+len(el)+1)
	doc = append(append(doc, el...), 0)
	binary.LittleEndian.PutUint32(doc, uint32(len(doc)))
	body.WriteByte(0)
	body.Write(doc)

	n := headerLen + 4 + body.Len()
	msg := make([]byte, n)
	binary.LittleEndian.PutUint32(msg[0:], uint32(n))
	binary.LittleEndian.PutUint32(msg[12:], opMsg)
	copy(msg[20:], body.Bytes())
	return msg
}

func TestCommandName(t *testing.T) {
	for _, tc := range []struct {
		msg  []byte
		want string
		ok   bool
	}{
		{commandMsg("hello", false), "hello", true},
		{commandMsg("isMaster", true), "isMaster", true},
		{commandMsg("update", true), "update", true},
		{opMsgBytes(1, 0), "", false},               // empty body
		{opMsgBytes(1, 0)[:headerLen+2], "", false}, // truncated
	} {
		got, ok := commandName(tc.msg)
		if got != tc.want || ok != tc.ok {
			t.Errorf("commandName = %q, %v; want %q, %v", got, ok, tc.want, tc.ok)
		}
	}
	if !isHandshake(commandMsg("hello", false)) || isHandshake(commandMsg("find", false)) {
		t.Error("isHandshake: only hello and isMaster skip the queue")
	}
}

// While another command holds the gate, a hello is answered and a find waits.
func TestHelloSkipsTheQueue(t *testing.T) {
	g := newGate(nil, true, slog.New(slog.NewTextHandler(io.Discard, nil)))
	send := func(name string) <-chan error {
		client, server := net.Pipe()
		t.Cleanup(func() { client.Close() })
		go fakeUpstream(t, server, 1, make(chan uint32, 1))
		done := make(chan error, 1)
		go func() {
			replies, err := g.roundTrip(commandMsg(name, false), client, bufio.NewReader(client))
			if err == nil && len(replies) != 1 {
				err = fmt.Errorf("%s: %d replies", name, len(replies))
			}
			done <- err
		}()
		return done
	}

	g.mu.Lock() // a long command in flight
	find := send("find")
	select {
	case err := <-send("hello"):
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("hello waited for the gate")
	}
	select {
	case <-find:
		t.Fatal("find did not wait for the gate")
	case <-time.After(100 * time.Millisecond):
	}
	g.mu.Unlock()
	if err := <-find; err != nil {
		t.Fatal(err)
	}
}
