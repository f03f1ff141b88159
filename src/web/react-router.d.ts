// The app uses <BrowserRouter>, where navigate() returns void (a Promise only under data routers). react-router
// types it `void | Promise<void>` and asks apps to narrow it like this; otherwise every navigate() is a floating
// promise to the linter.
import 'react-router';

declare module 'react-router' {
  interface NavigateFunction {
    (to: To, options?: NavigateOptions): void;
    (delta: number): void;
  }
}
