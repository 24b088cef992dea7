import { describe, expect, it } from "vitest";
import { cleanName, colorOfName, guestNumber, PRESENCE_COLORS, presenceColor } from "../src/presence/identity.ts";
import { peopleOf } from "../src/presence/people.ts";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe("identity", () => {
  it("gives every palette colour a contrast of at least 4.5:1 with white text", () => {
    for (const color of PRESENCE_COLORS) expect(1.05 / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it("derives the same colour from the same name, from the palette", () => {
    expect(colorOfName("Delegation of Kenya")).toBe(colorOfName("Delegation of Kenya"));
    expect(PRESENCE_COLORS).toContain(colorOfName("Amina"));
    const colors = new Set(["Amina", "Bruno", "Chen", "Dmitri", "Elena", "Farah", "Gustavo", "Hana"].map(colorOfName));
    expect(colors.size).toBeGreaterThan(3);
  });

  it("keeps a palette colour and replaces any other by the name's colour", () => {
    expect(presenceColor(PRESENCE_COLORS[2], "x")).toBe(PRESENCE_COLORS[2]);
    expect(presenceColor("#ffff00", "Amina")).toBe(colorOfName("Amina"));
    expect(presenceColor("red; background: url(x)", "Amina")).toBe(colorOfName("Amina"));
    expect(presenceColor(undefined, "Amina")).toBe(colorOfName("Amina"));
  });

  it("cleans a typed name", () => {
    expect(cleanName("  Delegation   of\tKenya ")).toBe("Delegation of Kenya");
    expect(cleanName("a\u0000b")).toBe("a b");
    expect(cleanName("   ")).toBeNull();
    expect(cleanName("x".repeat(100))).toHaveLength(40);
  });

  it("numbers guests with four digits", () => {
    expect(guestNumber(() => 0)).toBe(1000);
    expect(guestNumber(() => 0.999999)).toBe(9999);
  });
});

describe("peopleOf", () => {
  it("lists you first, then the others by name, skipping states without a user", () => {
    const states = new Map<number, unknown>([
      [3, { user: { name: "Zoe", color: PRESENCE_COLORS[0] } }],
      [1, { user: { name: "Bruno", color: PRESENCE_COLORS[1] } }],
      [2, { user: { name: "Me", color: PRESENCE_COLORS[2] } }],
      [4, { cursor: null }],
      [5, null],
    ]);
    expect(peopleOf(states, 2).map((person) => [person.name, person.isSelf])).toEqual([
      ["Me", true],
      ["Bruno", false],
      ["Zoe", false],
    ]);
  });

  it("repairs what other browsers send", () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: `  ${"n".repeat(80)}  `, color: "javascript:alert(1)" } }],
      [2, { user: { name: 42 } }],
      [3, { user: "Eve" }],
    ]);
    const people = peopleOf(states, 9);
    expect(people).toHaveLength(1);
    expect(people[0]!.name).toHaveLength(40);
    expect(PRESENCE_COLORS).toContain(people[0]!.color);
  });
});
