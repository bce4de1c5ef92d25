import { parseBytes, parseCpus, parseDuration } from '../../../src/stacks/compose/compose.units';
import { shellSplit } from '../../../src/stacks/compose/shell.split';

describe('compose units', () => {
  it('reads Go durations as nanoseconds', () => {
    expect(parseDuration('10s')).toBe(10e9);
    expect(parseDuration('1m30s')).toBe(90e9);
    expect(parseDuration('1.5h')).toBe(5400e9);
    expect(parseDuration('300ms')).toBe(300e6);
    expect(parseDuration('2us')).toBe(2000);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('10')).toBeUndefined();
    expect(parseDuration('ten seconds')).toBeUndefined();
  });

  it('reads sizes in binary units, as docker does', () => {
    expect(parseBytes('128M')).toBe(128 * 1024 ** 2);
    expect(parseBytes('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseBytes('64kb')).toBe(64 * 1024);
    expect(parseBytes('100')).toBe(100);
    expect(parseBytes('lots')).toBeUndefined();
  });

  it('reads CPUs exactly as nano-CPUs and refuses finer than a nano-CPU', () => {
    expect(parseCpus('0.5')).toBe(500_000_000);
    expect(parseCpus('2')).toBe(2_000_000_000);
    expect(parseCpus('0.000000001')).toBe(1);
    expect(parseCpus('1/4')).toBe(250_000_000);
    expect(parseCpus('0.0000000001')).toEqual({ error: 'value is too precise' });
    expect(parseCpus('half')).toEqual({ error: 'failed to parse half as a rational number' });
  });
});

describe('shell split (google/shlex, as the CLI splits a string command)', () => {
  it('splits on blanks and honours quotes and escapes', () => {
    expect(shellSplit(`sh -c 'echo "a b" && exit 1'`)).toEqual(['sh', '-c', 'echo "a b" && exit 1']);
    expect(shellSplit(`echo "say \\"hi\\"" it\\'s`)).toEqual(['echo', 'say "hi"', "it's"]);
    expect(shellSplit(`a  "" b`)).toEqual(['a', '', 'b']);
    expect(shellSplit('echo $HOME; ls | wc')).toEqual(['echo', '$HOME;', 'ls', '|', 'wc']);
  });

  it('drops a comment that starts a word, keeps a # inside one', () => {
    expect(shellSplit('run --flag # the rest\nnext')).toEqual(['run', '--flag', 'next']);
    expect(shellSplit('curl http://x/#frag')).toEqual(['curl', 'http://x/#frag']);
  });

  it('refuses an unclosed quote', () => {
    expect(shellSplit(`echo "open`)).toEqual({ error: 'EOF found when expecting closing quote' });
  });
});
