import { Component, type ComponentChildren } from 'preact';

/**
 * An error boundary for one feature's part of the UI: if it throws while rendering, that part disappears
 * (and `onError` is told) while the rest of the panel and the page carry on.
 */
export class Boundary extends Component<{ name: string; onError?: (error: unknown) => void; children?: ComponentChildren }, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(error: unknown) {
    console.debug(`[Policy Guard] ${this.props.name} failed`, error);
    this.setState({ failed: true });
    try {
      this.props.onError?.(error);
    } catch {
      // the error handler itself must not throw into the page
    }
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
