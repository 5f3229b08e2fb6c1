/*
 * hadolint's published cases for DL3062 are ported below, each with its ONBUILD variant:
 * https://github.com/hadolint/hadolint/blob/master/test/Hadolint/Rule/DL3062Spec.hs
 * (the "Pin versions in go install" spec with go install, go get, go run and tools; rule source
 * src/Hadolint/Rule/DL3062.hs).
 *
 * | assertions | agreed | deliberate differences |
 * |         52 |     52 | none |
 */
import { findingsFor, lines } from '../../testing';

const RULE = 'go-install-unpinned-packages';

async function flagged(run: string): Promise<number> {
  return (await findingsFor(RULE, lines('FROM golang:1.23', run))).length;
}

describe('go-install-unpinned-packages', () => {
  describe('hadolint DL3062Spec', () => {
    it.each([
      'RUN go install example.com/pkg',
      'RUN go install example.com/pkg@latest',
      'RUN go install tool foobar',
      'RUN go install tool foobar@latest',
      'RUN go get example.com/pkg',
      'RUN go get example.com/pkg@latest',
      'RUN go get -tool foobar',
      'RUN go get -tool foobar@latest',
      'RUN go run example.com/pkg',
      'RUN go run example.com/pkg@latest',
    ])('flags %s (and its ONBUILD variant)', async run => {
      expect(await flagged(run)).toBe(1);
      expect(await flagged(`ONBUILD ${run}`)).toBe(1);
    });

    it.each([
      'RUN go install example.com/pkg@v1.2.3',
      'RUN go install /go/app/foobar',
      'RUN go install ./app/foobar',
      'RUN go install .',
      'RUN go install tool foobar@v1.2.3',
      'RUN go get example.com/pkg@v1.2.3',
      'RUN go get -tool foobar@v1.2.3',
      'RUN go run example.com/pkg@v1.2.3',
      'RUN go run example.com/pkg@v1.2.3 -f',
      'RUN go run example.com/pkg@v1.2.3 -foobar',
      'RUN go run example.com/pkg@v1.2.3 --foobar',
      'RUN go run example.com/pkg@v1.2.3 foobar',
      'RUN go run example.com/pkg@v1.2.3 --foo bar',
      'RUN go run /go/app/foobar',
      'RUN go run ./app/foobar',
      'RUN go run .',
    ])('does not flag %s (nor its ONBUILD variant)', async run => {
      expect(await flagged(run)).toBe(0);
      expect(await flagged(`ONBUILD ${run}`)).toBe(0);
    });
  });

  it('does not take build flag values for packages', async () => {
    expect(
      await flagged(
        'RUN go install -tags netgo -ldflags "-s -w" example.com/cmd/tool@v1.4.0',
      ),
    ).toBe(0);
    expect(await flagged('RUN CGO_ENABLED=0 go install -v ./...')).toBe(0);
  });

  it('judges each go command of a RUN on its own', async () => {
    expect(
      await flagged('RUN go install example.com/a@latest && go run ./cmd/gen'),
    ).toBe(1);
  });

  it('deliberately accepts go run of a source file', async () => {
    expect(
      await flagged('RUN go run build.go -no-upgrade build syncthing'),
    ).toBe(0);
  });

  it('leaves go build and go mod alone', async () => {
    expect(await flagged('RUN go mod download && go build -o /app ./cmd')).toBe(
      0,
    );
  });
});
