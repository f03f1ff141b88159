/**
 * Panels other parts of issue #13 mount on the application page (src/web/pages/programmes/application.page.tsx):
 * the support module's review, decision and certificate panel, the incubation module's services. To add one: import
 * the component here and add an entry to APPLICATION_PANELS (one import, one line); the page renders each entry in
 * order under the application, with the application as loaded and a `reload` to call after a change.
 */
import type { ComponentType } from 'react';
import type { Schemas } from '../../api.ts';
import { ApplicationSupportPanel } from '../support/support-panel.tsx';

export interface ApplicationPanelProps {
  application: Schemas['ApplicationDetail'];
  /** Loads the application again (after the panel changed something that moves it). */
  reload(): void;
}

export interface ApplicationPanel {
  key: string;
  Component: ComponentType<ApplicationPanelProps>;
}

export const APPLICATION_PANELS: ApplicationPanel[] = [
  { key: 'support', Component: ({ application, reload }) => <ApplicationSupportPanel applicationId={application.id} reload={reload} /> },
];
