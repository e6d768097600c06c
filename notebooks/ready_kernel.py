"""A jupyter kernel manager that hands nbclient a kernel only once it answers.

Why: rapaio-jupyter-kernel 3.0.1 has two start-up races. (1) It binds its sockets before it registers its
message handlers (Channels.connect): a kernel_info_request that arrives in between kills the shell thread
with a NullPointerException in Channels.getHandler. (2) LoopThread.start() sets `running = true` only
after Thread.start(): a channel thread that runs first sees `running == false` and ends at once, so that
channel never answers. Either way nbclient fails with "Kernel didn't respond in 180 seconds"; on a busy
machine that happens often.

Here, after the kernel starts: wait until it listens on all its ports (read from /proc/net/tcp, without
connecting) plus a margin (against race 1), then send it a kernel_info_request ourselves; without a reply
within PROBE_TIMEOUT_S, fail the start: race 2 is per start, and notebooks/run then runs the notebook again.

Used by notebooks/run: --ExecutePreprocessor.kernel_manager_class=ready_kernel.ReadyWhenListening
"""
import asyncio
import sys
import time

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.session import Session

LISTEN_TIMEOUT_S = 300
MARGIN_S = 1.5
PROBE_TIMEOUT_S = 20


def listening_ports():
    """Local TCP ports in LISTEN state."""
    ports = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(name) as f:
                next(f)
                for line in f:
                    parts = line.split()
                    if parts[3] == "0A":
                        ports.add(int(parts[1].rsplit(":", 1)[1], 16))
        except OSError:
            pass
    return ports


class ReadyWhenListening(AsyncKernelManager):
    async def _wait_listening(self):
        wanted = {self.shell_port, self.iopub_port, self.stdin_port, self.control_port, self.hb_port}
        deadline = time.time() + LISTEN_TIMEOUT_S
        while time.time() < deadline and not wanted <= listening_ports():
            await asyncio.sleep(0.2)
        await asyncio.sleep(MARGIN_S)

    async def _answers(self):
        """Two kernel_info round trips in a row (a shell thread that hangs after its first message fails the second)."""
        # A session of its own: a client's ZeroMQ identity is its session id, and a kernel's ROUTER socket ignores
        # a second peer with an identity it has seen (nbclient's client shares the manager's session).
        probe = Session(key=self.session.key, signature_scheme=self.session.signature_scheme)
        kc = self.client(session=probe)
        kc.start_channels(shell=True, iopub=False, stdin=False, hb=False, control=False)
        try:
            for _ in range(2):
                kc.kernel_info()
                deadline = time.time() + PROBE_TIMEOUT_S
                answered = False
                while time.time() < deadline and not answered:
                    try:
                        msg = await kc.get_shell_msg(timeout=1)
                    except Exception:
                        continue
                    answered = msg.get("msg_type") == "kernel_info_reply"
                if not answered:
                    return False
            return True
        finally:
            kc.stop_channels()

    # AsyncKernelManager binds post_start_kernel to the base class's coroutine function, so that is the name
    # _async_start_kernel calls (and the one to override).
    async def post_start_kernel(self, **kw):
        await super()._async_post_start_kernel(**kw)
        await self._wait_listening()
        if not await self._answers():
            # A restart from inside start_kernel is not supported by jupyter_client; notebooks/run retries the
            # whole execution when it sees this message.
            raise RuntimeError("ready_kernel: the kernel never answered kernel_info within %d s; start it again"
                               % PROBE_TIMEOUT_S)
