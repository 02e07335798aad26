import { describe, expect, it } from 'vitest';
import { scatteredFirstCells } from '../../../core/import/scattered-keys.js';

async function scan(text: string, chunkSize = text.length): Promise<Map<string, number>> {
  async function* chunks() {
    for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
  }
  return scatteredFirstCells(chunks(), ',');
}

describe('scatteredFirstCells', () => {
  const file = [
    'Handle,Title,Body (HTML)',
    'soup,Soup,"<p>Hot,',
    'soup,fake row inside quotes ""x""</p>"',
    'soup,,',
    'tea,Tea,"a ""quoted"" word"',
    ',,row without a key continues tea',
    'soup,,',
    '"cake, big",Cake,',
    'tea,,',
    'soup,,',
    '"cake, big",,',
    '',
  ].join('\r\n');

  it('counts the runs of keys whose rows are not together; keys in one run are left out', async () => {
    expect(await scan(file)).toEqual(
      new Map([
        ['soup', 3],
        ['tea', 2],
        ['cake, big', 2],
      ]),
    );
  });

  it('reads the same whatever the chunk boundaries (inside quotes, keys and line ends)', async () => {
    const whole = await scan(file);
    for (const size of [1, 2, 3, 5, 7, 11, 64]) expect(await scan(file, size)).toEqual(whole);
  });

  it('a file whose keys are together has none', async () => {
    expect(await scan('Handle,Title\na,A\na,\nb,B\n')).toEqual(new Map());
  });
});
