import { render } from 'preact';
import '@/components/popup/popup.css';
import { PopupApp } from '@/components/popup/PopupApp';

render(<PopupApp />, document.getElementById('app')!);
