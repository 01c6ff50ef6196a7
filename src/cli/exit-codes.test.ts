import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { DomainError, FileError, InputError, RefusedError, UsageError } from "../core/errors.js";
import { VideoError } from "../vision/ffmpeg.js";
import { EXIT, exitCodeFor, reportFailure } from "./exit-codes.js";

const fsError = (code: string, path: string) => Object.assign(new Error(code), { code, path });

describe("the one mapping from failures to exit codes", () => {
  it.each([
    ["an input with bad fields", new InputError([{ path: "a", message: "b" }]), EXIT.input],
    ["a file that cannot be read", new FileError("x.json: no such file"), EXIT.input],
    ["a video that cannot be read", new VideoError("x.mp4 cannot be read"), EXIT.input],
    ["a rule that cannot apply", new DomainError("no programme"), EXIT.input],
    ["a file-system error naming its path", fsError("EACCES", "/x"), EXIT.input],
    ["a bad command line", new UsageError("--mp4 needs --out"), EXIT.usage],
    ["commander's own error", new CommanderError(1, "commander.unknownOption", "x"), EXIT.usage],
    ["help asked for", new CommanderError(0, "commander.helpDisplayed", "(help)"), EXIT.done],
    ["a refusal because of a red flag", new RefusedError("see a professional first"), EXIT.refused],
    ["a fault in hipcheck", new TypeError("x is not a function"), EXIT.internal],
  ])("%s → exit %i", (_name, error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  it("reports one line, escaped for the terminal, with no stack trace", () => {
    const written: string[] = [];
    const code = reportFailure(fsError("EACCES", "/tmp/\u001b[2Jx.json"), {
      write: (text: string) => written.push(text),
    });
    expect(code).toBe(EXIT.input);
    expect(written).toEqual(["hipcheck: /tmp/\\u001b[2Jx.json: permission denied\n"]);
  });

  it("calls an internal error by its name and says it is not the input's fault", () => {
    const written: string[] = [];
    reportFailure(new TypeError("x is not a function"), { write: (t: string) => written.push(t) });
    expect(written.join("")).toBe(
      "hipcheck: internal error: x is not a function (this is a fault in hipcheck, not in the input)\n",
    );
  });
});
