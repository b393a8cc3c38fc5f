import { createEventBus, type ParagraphOutputEvent } from "@jobmanager/db";
import { describe, expect, it } from "vitest";
import { createOutputPublisher } from "./output-publisher";

describe("output publisher", () => {
  it("batches writes into few events with contiguous offsets per paragraph, and flushes on demand", () => {
    const bus = createEventBus();
    const events: ParagraphOutputEvent[] = [];
    bus.subscribe((event) => event.type === "paragraph.output" && events.push(event));
    const publisher = createOutputPublisher(bus, "job-1", 60_000);
    for (let i = 0; i < 100; i++) publisher.write(0, `${i}\n`);
    expect(events).toEqual([]);
    publisher.write(1, "next paragraph\n"); // a new paragraph sends what the previous one had
    publisher.write(1, "more\n");
    publisher.flush();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ jobId: "job-1", index: 0, offset: 0 });
    expect(events[0]!.text.split("\n")).toHaveLength(101);
    expect(events[1]).toMatchObject({ index: 1, offset: 0, text: "next paragraph\nmore\n" });
    publisher.write(1, "last\n");
    publisher.close();
    expect(events[2]).toMatchObject({ index: 1, offset: 20, text: "last\n" });
    expect(bus.outputBacklog("job-1")).toEqual(events);
  });
});
