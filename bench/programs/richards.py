# Richards-like OS task scheduler: task objects, packets, a work queue and virtual dispatch (OO-heavy).
from _bench import run

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue, state):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = state == "waiting"
        self.held = False
        self.link = scheduler.tasks
        scheduler.tasks = self
        scheduler.table[ident] = self

    def is_held_or_suspended(self):
        return self.held or (not self.packet_pending and self.waiting)

    def check_priority_add(self, task, packet):
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > task.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return task

    def take_packet(self):
        packet = self.queue
        self.queue = packet.link
        self.packet_pending = self.queue is not None
        return packet


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, queue, state, count):
        Task.__init__(self, scheduler, ident, priority, queue, state)
        self.control = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_self()
        if self.control & 1 == 0:
            self.control //= 2
            return self.scheduler.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue, state):
        Task.__init__(self, scheduler, ident, priority, queue, state)
        self.destination = HANDLER_A
        self.count = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(DATA_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = 64 + self.count
        return self.scheduler.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue, state):
        Task.__init__(self, scheduler, ident, priority, queue, state)
        self.work_in = None
        self.device_in = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        if self.work_in is not None:
            work = self.work_in
            count = work.datum
            if count < DATA_SIZE:
                if self.device_in is not None:
                    device = self.device_in
                    self.device_in = device.link
                    device.datum = work.data[count]
                    work.datum = count + 1
                    return self.scheduler.queue_packet(device)
            else:
                self.work_in = work.link
                return self.scheduler.queue_packet(work)
        return self.scheduler.wait()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority, queue, state):
        Task.__init__(self, scheduler, ident, priority, queue, state)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.wait()
            packet = self.pending
            self.pending = None
            return self.scheduler.queue_packet(packet)
        self.pending = packet
        return self.scheduler.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.is_held_or_suspended():
                task = task.link
                continue
            self.current = task
            packet = None
            if task.packet_pending and task.waiting:
                packet = task.take_packet()
                task.waiting = False
            task = task.run(packet)

    def release(self, ident):
        task = self.table[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.link

    def wait(self):
        self.current.waiting = True
        return self.current

    def queue_packet(self, packet):
        task = self.table[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current.ident
        return task.check_priority_add(self.current, packet)


def richards(count):
    s = Scheduler()
    IdleTask(s, IDLE, 0, None, "running", count)
    q = Packet(None, WORKER, KIND_WORK)
    q = Packet(q, WORKER, KIND_WORK)
    WorkerTask(s, WORKER, 1000, q, "waiting")
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, q, "waiting")
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, q, "waiting")
    DeviceTask(s, DEVICE_A, 4000, None, "waiting")
    DeviceTask(s, DEVICE_B, 5000, None, "waiting")
    s.schedule()
    return f"queue_count={s.queue_count} hold_count={s.hold_count}"


run(richards, 200000)
