"""A jupyter kernel manager that lets the client connect only once the kernel is ready.

Why: rapaio-jupyter-kernel 3.0.1 binds its sockets before it registers its message handlers
(Channels.connect). nbclient connects and queues a kernel_info_request at once; when that request
arrives in between, the kernel's shell thread dies with a NullPointerException in
Channels.getHandler and the kernel never answers ("Kernel didn't respond in 180 seconds"). On a busy
machine that happens often. Here the start of the kernel waits until the kernel listens on all its
ports (read from /proc/net/tcp, without connecting to it), plus 1.5 s of margin (the handlers are
registered microseconds after the last bind); nbclient connects after that.

Used by notebooks/run: --ExecutePreprocessor.kernel_manager_class=ready_kernel.ReadyWhenListening
"""
import asyncio
import time

from jupyter_client.manager import AsyncKernelManager

READY_TIMEOUT_S = 300
MARGIN_S = 1.5


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
    async def _async_post_start_kernel(self, **kw):
        await super()._async_post_start_kernel(**kw)
        wanted = {self.shell_port, self.iopub_port, self.stdin_port, self.control_port, self.hb_port}
        deadline = time.time() + READY_TIMEOUT_S
        while time.time() < deadline and not wanted <= listening_ports():
            await asyncio.sleep(0.2)
        await asyncio.sleep(MARGIN_S)
