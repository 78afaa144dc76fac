#!/usr/bin/env python3
"""A weak link on loopback, for the tests: a TCP proxy that delays every byte,
caps the rate each way and counts what crosses it.

    linkproxy.py --to PORT --port-file F --counts F [--delay-ms 300] [--rate-kbit 32]

It listens on a free 127.0.0.1 port (written to --port-file once listening)
and forwards to 127.0.0.1:PORT. Each direction is a queue with a bottleneck:
a chunk leaves after the previous one has been "transmitted" at the rate,
and arrives --delay-ms later. At most --buffer bytes wait in a direction
(a modem's buffer); beyond that the proxy stops reading, so the sender's
TCP feels the slow link as it would on a real one.

--counts is rewritten (atomically) whenever the totals change:
    {"up": 2310, "down": 5120, "open": 1, "connections": 1}
("up" client -> server, "down" server -> client, bytes delivered).
SIGUSR1 cuts every open connection, as a dropped link would. The proxy
exits after --max-seconds, or on SIGTERM.
"""
import argparse
import asyncio
import json
import os
import signal
import time

CHUNK = 512


class Direction:
    def __init__(self, rate_bps, delay, buffer):
        self.rate, self.delay = rate_bps, delay
        self.room = asyncio.Semaphore(buffer // CHUNK or 1)
        self.queue = asyncio.Queue()
        self.free_at = 0.0

    def schedule(self, n):
        start = max(time.monotonic(), self.free_at)
        self.free_at = start + (n * 8 / self.rate if self.rate else 0.0)
        return self.free_at + self.delay


class Proxy:
    def __init__(self, args):
        self.args = args
        self.totals = {"up": 0, "down": 0, "open": 0, "connections": 0}
        self.writers = set()
        self.dirty = True

    def save(self):
        if not self.dirty:
            return
        self.dirty = False
        tmp = self.args.counts + ".tmp"
        with open(tmp, "w") as f:
            json.dump(self.totals, f)
        os.replace(tmp, self.args.counts)

    async def reader(self, src, d):
        try:
            while True:
                await d.room.acquire()
                data = await src.read(CHUNK)
                if not data:
                    break
                d.queue.put_nowait((d.schedule(len(data)), data))
        except (ConnectionError, asyncio.CancelledError):
            pass
        d.queue.put_nowait((d.schedule(0), b""))

    async def writer(self, dst, d, key):
        try:
            while True:
                at, data = await d.queue.get()
                wait = at - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                d.room.release()
                if not data:
                    if dst.can_write_eof():
                        dst.write_eof()
                    break
                dst.write(data)
                await dst.drain()
                self.totals[key] += len(data)
                self.dirty = True
        except (ConnectionError, asyncio.CancelledError):
            pass

    async def handle(self, creader, cwriter):
        a = self.args
        try:
            sreader, swriter = await asyncio.open_connection("127.0.0.1", a.to)
        except OSError:
            cwriter.close()
            return
        self.totals["open"] += 1
        self.totals["connections"] += 1
        self.dirty = True
        self.writers |= {cwriter, swriter}
        rate = a.rate_kbit * 1000
        up = Direction(rate, a.delay_ms / 1000, a.buffer)
        down = Direction(rate, a.delay_ms / 1000, a.buffer)
        tasks = [
            asyncio.create_task(self.reader(creader, up)),
            asyncio.create_task(self.writer(swriter, up, "up")),
            asyncio.create_task(self.reader(sreader, down)),
            asyncio.create_task(self.writer(cwriter, down, "down")),
        ]
        # The link is done when both directions have delivered their end,
        # or when either side resets.
        await asyncio.gather(tasks[1], tasks[3], return_exceptions=True)
        for t in tasks:
            t.cancel()
        for w in (cwriter, swriter):
            w.close()
            self.writers.discard(w)
        self.totals["open"] -= 1
        self.dirty = True

    def cut(self):
        for w in list(self.writers):
            # An abort, not a close: the peers see the link die.
            w.transport.abort()

    async def run(self):
        a = self.args
        server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        loop = asyncio.get_running_loop()
        stop = loop.create_future()
        loop.add_signal_handler(signal.SIGUSR1, self.cut)
        loop.add_signal_handler(signal.SIGTERM, lambda: stop.done() or stop.set_result(0))
        with open(a.port_file + ".tmp", "w") as f:
            f.write(f"{port}\n")
        os.replace(a.port_file + ".tmp", a.port_file)
        end = time.monotonic() + a.max_seconds
        while not stop.done() and time.monotonic() < end:
            self.save()
            await asyncio.wait([stop], timeout=0.1)
        self.cut()
        server.close()
        self.save()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--to", type=int, required=True, help="server port on 127.0.0.1")
    p.add_argument("--port-file", required=True)
    p.add_argument("--counts", required=True)
    p.add_argument("--delay-ms", type=float, default=300)
    p.add_argument("--rate-kbit", type=float, default=32)
    p.add_argument("--buffer", type=int, default=16384)
    p.add_argument("--max-seconds", type=float, default=300)
    asyncio.run(Proxy(p.parse_args()).run())


if __name__ == "__main__":
    main()
