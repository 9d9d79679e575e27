/** A wait that stop() can cut short, so a worker stops at once instead of after its poll interval. */
export class Sleeper {
  private wakers = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    return new Promise((done) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakers.delete(finish);
        done();
      };
      const timer = setTimeout(finish, ms);
      this.wakers.add(finish);
    });
  }

  /** Ends every wait in progress. */
  wake(): void {
    for (const finish of [...this.wakers]) finish();
  }
}
