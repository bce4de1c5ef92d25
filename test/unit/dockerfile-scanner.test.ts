import { DockerfileProblem, scanDockerfile } from '../../src/images/dockerfile.scanner';

const sources = (text: string, buildArgs: Record<string, string> = {}) => scanDockerfile(text, buildArgs).map((s) => `${s.line} ${s.instruction} ${s.kind} ${s.value}`);

function problem(text: string, buildArgs: Record<string, string> = {}): string {
  try {
    scanDockerfile(text, buildArgs);
  } catch (error) {
    if (error instanceof DockerfileProblem) return `line ${error.line}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a DockerfileProblem');
}

describe(scanDockerfile.name, () => {
  it('lists FROM images and ADD URLs with their line numbers, and skips scratch and local sources', () => {
    expect(sources('FROM 10.0.0.5:5000/base:1\nFROM scratch\nADD http://10.0.0.5/a /a\nADD local.txt /b\nCOPY http-not-a-url /c\n')).toEqual([
      '1 FROM image 10.0.0.5:5000/base:1',
      '3 ADD url http://10.0.0.5/a',
    ]);
  });

  it('reads instructions in any case, with flags, several sources, and the JSON form', () => {
    expect(sources('from --platform=linux/amd64 reg.example/a:1 AS build\nadd --chown=1:1 --chmod=644 --checksum=sha256:abc http://h1/x https://h2/y /dst/\nAdD ["http://h3/z", "/z"]\nADD --link [ "https://h4/w",  "/w" ]\n')).toEqual([
      '1 FROM image reg.example/a:1',
      '2 ADD url http://h1/x',
      '2 ADD url https://h2/y',
      '3 ADD url http://h3/z',
      '4 ADD url https://h4/w',
    ]);
  });

  it('joins continued lines (comments and blank lines inside them dropped) and counts from the first line', () => {
    expect(sources('FROM busybox\nRUN true\nADD \\\n  # a comment inside\n\n  http://10.0.0.1/secret \\\n  /s\n')).toEqual(['1 FROM image busybox', '3 ADD url http://10.0.0.1/secret']);
    expect(sources('FROM busybox\nADD http://10.0.0.1/\\\nsecret /s\n')).toEqual(['1 FROM image busybox', '2 ADD url http://10.0.0.1/secret']);
  });

  it('honours the escape directive, and the syntax directive names a frontend image', () => {
    expect(sources('# syntax=10.0.0.5/frontend:1\n# escape=`\nFROM busybox\nADD http://10.0.0.1/a`\nb /s\nRUN echo \\\n')).toEqual([
      '1 # syntax image 10.0.0.5/frontend:1',
      '3 FROM image busybox',
      '4 ADD url http://10.0.0.1/ab',
    ]);
    // After the first instruction, "# escape=" is a comment.
    expect(sources('FROM busybox\n# escape=`\nADD http://h/a\\\nb /s\n')).toEqual(['1 FROM image busybox', '3 ADD url http://h/ab']);
  });

  it('knows stages: FROM <stage> and COPY --from=<stage or index> fetch nothing, COPY --from=<image> does', () => {
    expect(sources('FROM busybox AS Build\nRUN true\nFROM build\nCOPY --from=0 /a /a\nCOPY --from=BUILD /b /b\nCOPY --from=10.0.0.5:5000/tools:1 /c /c\nRUN --mount=type=bind,from=10.0.0.6/cache:1,target=/x true\nRUN --mount=type=cache,target=/y true\n')).toEqual([
      '1 FROM image busybox',
      '6 COPY image 10.0.0.5:5000/tools:1',
      '7 RUN image 10.0.0.6/cache:1',
    ]);
  });

  it('substitutes ARG (build arguments first) and ENV, in FROM, sources, and --from', () => {
    expect(sources('ARG REG=10.0.0.5:5000\nFROM ${REG}/base:1\nARG HOST\nENV URL=http://$HOST/x\nADD ${URL} /x\nADD "http://${HOST:-fallback}/q" /q\n', { HOST: '10.9.9.9' })).toEqual([
      '2 FROM image 10.0.0.5:5000/base:1',
      '5 ADD url http://10.9.9.9/x',
      '6 ADD url http://10.9.9.9/q',
    ]);
    expect(sources('ARG REG=public.example\nFROM $REG/base:1\n', { REG: '127.0.0.1:9' })).toEqual(['2 FROM image 127.0.0.1:9/base:1']);
    expect(sources('FROM ${UNDECLARED}/base:1\n', { UNDECLARED: '127.0.0.1:9' })).toEqual(['1 FROM image 127.0.0.1:9/base:1']);
    expect(sources('ARG constructor\nARG toString=x\nFROM busybox$constructor$toString\n')).toEqual(['3 FROM image busyboxx']);
    // A stage re-declaring a global ARG gets its value; an undeclared one in FROM is empty, as in the Engine.
    expect(sources('ARG H=10.1.1.1\nFROM busybox${NOPE}\nARG H\nADD http://$H/z /z\nARG T\nADD http://x${T}y/w /w\n')).toEqual(['2 FROM image busybox', '4 ADD url http://10.1.1.1/z', '6 ADD url http://xy/w']);
    expect(sources('FROM busybox\nENV A=http://10.2.2.2 B=/b\nENV C ${A}/c\nADD $C /c\nADD \'http://literal/$A\' /d\n')).toEqual(['1 FROM image busybox', '4 ADD url http://10.2.2.2/c', "5 ADD url http://literal/$A"]);
  });

  it('lists ADD instructions hidden in ONBUILD triggers', () => {
    expect(sources('FROM busybox\nONBUILD add http://10.0.0.1/later /l\nONBUILD COPY --from=10.0.0.7/x:1 /a /a\n')).toEqual(['1 FROM image busybox', '2 ADD url http://10.0.0.1/later', '3 COPY image 10.0.0.7/x:1']);
  });

  it('treats git and other scheme sources as URLs to judge', () => {
    expect(sources('FROM busybox\nADD git@10.0.0.1:repo.git /r\nADD git://10.0.0.1/r /r\nADD ftp://h/f /f\n')).toEqual(['1 FROM image busybox', '2 ADD url git@10.0.0.1:repo.git', '3 ADD url git://10.0.0.1/r', '4 ADD url ftp://h/f']);
  });

  it('refuses what depends on what a base image might define, naming the line and the variable', () => {
    expect(problem('FROM busybox\nADD http://$TARGET/x /x\n')).toBe('line 2: ADD source uses $TARGET, which is not known before the build (a base image may set it): write the value out or pass it in buildArgs');
    expect(problem('FROM busybox\nENV U=${BASE_URL}/x\nRUN true\nADD $U /u\n')).toMatch(/^line 4: ADD source uses \$BASE_URL/);
    expect(problem('FROM busybox\nCOPY --from=$TOOLS /a /a\n')).toMatch(/^line 2: COPY --from uses \$TOOLS/);
    expect(problem('FROM busybox\nADD ${X/a/b} /x\n')).toMatch(/^line 2: ADD source: has an unsupported substitution/);
    expect(problem('FROM busybox\nADD "http://h/x /x\n')).toMatch(/^line 2: ADD source: has an unterminated quote/);
  });

  it('keeps unrelated unknowns harmless: ENV PATH=$PATH:... is fine until used in a fetch', () => {
    expect(sources('FROM busybox\nENV PATH=$PATH:/opt/bin\nARG V=${UNKNOWN}\nRUN echo $PATH $V\nADD local /x\n')).toEqual(['1 FROM image busybox']);
  });

  it('reads CRLF files, a BOM, and tolerates a file that is all comments', () => {
    expect(sources('\uFEFFFROM 10.0.0.5/x:1\r\nADD http://10.0.0.1/a /a\r\n')).toEqual(['1 FROM image 10.0.0.5/x:1', '2 ADD url http://10.0.0.1/a']);
    expect(sources('# nothing\n\n   \n')).toEqual([]);
  });
});
